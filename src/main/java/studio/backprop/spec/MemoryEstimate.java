package studio.backprop.spec;

import java.util.List;
import studio.backprop.nn.ShapeReport;
import studio.backprop.tensor.MemoryBudget;

/**
 * What training a network needs in memory, estimated from its shapes alone before anything is allocated, and
 * checked against the one {@link MemoryBudget}:
 *
 * <pre>
 * bytes = 4 · (P · (1 + 1 + 2)  +  B · A · 3)
 * </pre>
 *
 * with P the parameters (each with its gradient and up to two optimiser buffers, as Adam keeps), A the values
 * one sample produces in all layers and the input, and B the batch size (1 for full batch, whose size depends on
 * the data); each activation has a value, a gradient and about one more of workspace.
 */
final class MemoryEstimate {

    private MemoryEstimate() {
    }

    /** The estimated bytes; {@link Long#MAX_VALUE} when the arithmetic overflows. */
    static long bytes(int[] inputShape, ShapeReport shapes, int batchSize) {
        long params = 0;
        long activations = values(inputShape);
        for (ShapeReport.NodeShape n : shapes.nodes()) {
            params = MemoryBudget.sum(params, n.trainableCount(), n.nonTrainableCount());
            if (n.outputShape() != null) {
                activations = MemoryBudget.sum(activations, values(n.outputShape()));
            }
        }
        long batch = Math.max(1, batchSize);
        return MemoryBudget.product(MemoryBudget.FLOAT_BYTES,
                MemoryBudget.sum(MemoryBudget.product(params, 4), MemoryBudget.product(batch, activations, 3)));
    }

    /** Adds an error to {@code problems} when the network cannot fit the budget. */
    static void check(int[] inputShape, ShapeReport shapes, int batchSize, List<Problem> problems) {
        long bytes = bytes(inputShape, shapes, batchSize);
        String memory = MemoryBudget.problem(bytes);
        if (memory != null) {
            long params = shapes.nodes().stream().mapToLong(n -> MemoryBudget.sum(n.trainableCount(),
                    n.nonTrainableCount())).reduce(0, MemoryBudget::sum);
            problems.add(Problem.error("network", "training this network (" + (params == Long.MAX_VALUE
                    ? "more parameters than can be counted" : MemoryBudget.count(params) + " parameters")
                    + " with their gradients and optimiser state, and the activations of a batch of "
                    + Math.max(1, batchSize) + ") " + memory + "; use fewer units or filters, or a smaller batch"));
        }
    }

    private static long values(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n = MemoryBudget.product(n, d);
        }
        return n;
    }
}
