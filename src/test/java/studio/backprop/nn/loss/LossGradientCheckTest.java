package studio.backprop.nn.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.GradCheck;
import studio.backprop.autograd.Variable;
import studio.backprop.kernels.UnaryFn;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Every loss in the catalogue, in both reductions and (where it has one) both units, against central finite
 * differences on random inputs of shape (5 × 3). Inputs stay clear of the clip bounds and of the kinks of |·| and
 * the hinge by more than the finite-difference step.
 */
class LossGradientCheckTest {

    private static final int ROWS = 5;
    private static final int COLS = 3;

    @Test
    void everyLossInEveryReductionPassesAGradientCheck() {
        Rng rng = new Rng(2024);
        List<String> failures = new ArrayList<>();
        for (String name : Losses.names()) {
            for (Reduction reduction : Reduction.values()) {
                for (Base base : basesOf(name)) {
                    Loss loss = Losses.create(new LossSettings(name, reduction, false, base));
                    checkInto(failures, loss, rng);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void mseWithTheHalfFactorPassesAGradientCheck() {
        List<String> failures = new ArrayList<>();
        checkInto(failures, new MeanSquaredError().withHalf(true), new Rng(5));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void entropyGraphPassesAGradientCheck() {
        Tensor p = Tensor.uniform(new Rng(9), 0.1f, 0.9f, ROWS, COLS);
        GradCheck.Report report = GradCheck.check(in -> InformationMeasures.entropy(in.get(0), Base.BITS), p);
        assertTrue(report.passed(), report.describeFailures());
    }

    private static void checkInto(List<String> failures, Loss loss, Rng rng) {
        Tensor targets = targetsFor(loss.name(), rng);
        Tensor predictions = predictionsFor(loss.name(), targets, rng);
        Variable t = Variable.constant(targets, "targets");
        GradCheck.Report report = GradCheck.check(in -> loss.compute(in.get(0), t), predictions);
        if (!report.passed()) {
            failures.add(loss.describe() + ":\n" + report.describeFailures());
        }
    }

    private static List<Base> basesOf(String name) {
        boolean takesLog = name.contains("entropy") || name.equals(KLDivergence.NAME);
        return takesLog ? List.of(Base.NATS, Base.BITS) : List.of(Base.NATS);
    }

    private static Tensor targetsFor(String name, Rng rng) {
        return switch (name) {
            case Hinge.NAME, Hinge.SQUARED_NAME -> Tensor.uniform(rng, -1f, 1f, ROWS, COLS)
                    .map(UnaryFn.SIGN, 0f);
            case CategoricalCrossEntropy.NAME, CategoricalCrossEntropy.LOGITS_NAME ->
                ClassLabels.oneHot(new int[] {0, 2, 1, 1, 0}, COLS);
            case KLDivergence.NAME -> Tensor.matrix(new float[][] {
                {0.2f, 0.3f, 0.5f}, {0f, 0.4f, 0.6f}, {1f, 0f, 0f}, {0.1f, 0.1f, 0.8f}, {0.7f, 0.2f, 0.1f}});
            case MeanSquaredError.NAME, MeanAbsoluteError.NAME -> Tensor.uniform(rng, -1f, 1f, ROWS, COLS);
            default -> Tensor.uniform(rng, 0f, 1f, ROWS, COLS);
        };
    }

    private static Tensor predictionsFor(String name, Tensor targets, Rng rng) {
        Tensor offsets = Tensor.uniform(rng, 0.1f, 0.9f, ROWS, COLS);
        return switch (name) {
            case BinaryCrossEntropy.NAME, CategoricalCrossEntropy.NAME, KLDivergence.NAME -> offsets;
            case BinaryCrossEntropy.LOGITS_NAME, CategoricalCrossEntropy.LOGITS_NAME ->
                Tensor.uniform(rng, -3f, 3f, ROWS, COLS);
            // y·ŷ = 1 ± (0.1 to 0.9): every hinge term is 0.1 or more away from the kink at y·ŷ = 1.
            case Hinge.NAME, Hinge.SQUARED_NAME -> targets.mul(awayFromZero(offsets, rng).add(1f));
            // ŷ − y of 0.1 to 0.9 either way: never at the kink of |·|.
            default -> targets.add(awayFromZero(offsets, rng));
        };
    }

    /** The magnitudes with random signs. */
    private static Tensor awayFromZero(Tensor magnitudes, Rng rng) {
        Tensor signs = Tensor.uniform(rng, -1f, 1f, magnitudes.shape()).map(UnaryFn.SIGN, 0f);
        return magnitudes.mul(signs);
    }
}
