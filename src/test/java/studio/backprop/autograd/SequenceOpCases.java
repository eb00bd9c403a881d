package studio.backprop.autograd;

import static studio.backprop.autograd.OpGradientTest.t;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import studio.backprop.autograd.ops.MaskFill;
import studio.backprop.tensor.Tensor;

/** The gradient-check cases of the sequence ops, joined into {@link OpGradientTest}'s list. */
final class SequenceOpCases {

    private SequenceOpCases() {
    }

    static List<OpGradientTest.Case> cases() {
        List<OpGradientTest.Case> cases = new ArrayList<>();
        cases.add(of("batched matMul 3-D", v -> v.get(0).matMul(v.get(1)), t(3, 2, 4), t(3, 4, 5)));
        cases.add(of("batched matMul 4-D (batch, heads)", v -> v.get(0).matMul(v.get(1).transpose()),
                t(2, 2, 3, 2), t(2, 2, 3, 2)));
        cases.add(of("gather (embedding), a repeated id", v -> SequenceOps.embed(v.get(0), v.get(1)), t(4, 3),
                Tensor.of(new float[] {0, 2, 2, 3, 1, 0}, 2, 3)));
        cases.add(of("mask, causal over a batch of score matrices", v -> SequenceOps.mask(v.get(0),
                MaskFill.causal(3), -5f), t(2, 3, 3)));
        cases.add(of("layer norm over the last axis", v -> SequenceOps.layerNorm(v.get(0), v.get(1), v.get(2),
                1e-5f), t(2, 3, 4), t(4), t(4)));
        cases.add(of("slice one time step", v -> SequenceOps.step(v.get(0), 1), t(2, 3, 2)));
        cases.add(of("stack steps into a sequence", v -> SequenceOps.stack(v.get(0), v.get(1)), t(2, 3), t(2, 3)));
        cases.add(of("concat along time", v -> Variable.concat(1, v.get(0), v.get(1)), t(2, 1, 3), t(2, 2, 3)));
        cases.add(of("softmax along the last axis of a sequence", v -> v.get(0).softmax(), t(2, 3, 4)));
        return cases;
    }

    private static OpGradientTest.Case of(String name, Function<List<Variable>, Variable> f, Tensor... inputs) {
        return new OpGradientTest.Case(name, f, List.of(inputs));
    }
}
