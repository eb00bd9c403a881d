package studio.backprop.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.ops.BatchNormOp;
import studio.backprop.autograd.ops.DropoutOp;
import studio.backprop.autograd.ops.MaxUnpool2dOp;
import studio.backprop.autograd.ops.MedianPool2dOp;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.kernels.UnaryFn;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** Every primitive op's backward rule against central finite differences, and proof that none is left out. */
class OpGradientTest {

    /** One gradient check: a function of parameter variables and the point at which to check it. */
    record Case(String name, Function<List<Variable>, Variable> f, List<Tensor> inputs) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(of("add broadcast row", v -> v.get(0).add(v.get(1)), t(3, 4), t(4)));
        cases.add(of("sub broadcast column", v -> v.get(0).sub(v.get(1)), t(3, 4), t(3, 1)));
        cases.add(of("mul broadcast 3-D", v -> v.get(0).mul(v.get(1)), t(2, 1, 3), t(4, 1)));
        cases.add(of("div", v -> v.get(0).div(v.get(1)), t(2, 3), positive(2, 3)));
        cases.add(of("div by scalar", v -> v.get(0).div(v.get(1)), t(2, 3), positive()));
        cases.add(of("affine", v -> v.get(0).affine(-1.5f, 0.25f), t(5)));
        cases.add(of("matMul", v -> v.get(0).matMul(v.get(1)), t(3, 5), t(5, 2)));
        cases.add(of("sum along axis 1", v -> v.get(0).sum(1, false), t(2, 3, 4)));
        cases.add(of("sum keep dims", v -> v.get(0).sum(0, true), t(3, 4)));
        cases.add(of("max along axis", v -> v.get(0).max(1, false), distinct(3, 5)));
        cases.add(of("reshape", v -> v.get(0).reshape(4, 3).mul(v.get(1)), t(2, 6), t(4, 3)));
        cases.add(of("permute", v -> v.get(0).permute(2, 0, 1).mul(v.get(1)), t(2, 3, 4), t(4, 2, 3)));
        cases.add(of("slice", v -> v.get(0).slice(1, 1, 3), t(2, 4, 3)));
        cases.add(of("concat", v -> Variable.concat(1, v.get(0), v.get(1)), t(2, 3), t(2, 2)));
        cases.add(of("softmax", v -> v.get(0).softmax(), t(3, 4)));
        cases.add(of("logSoftmax", v -> v.get(0).logSoftmax(), t(3, 4)));
        cases.add(of("softmax cross-entropy", v -> v.get(0).softmaxCrossEntropy(v.get(1)), t(3, 4),
                Tensor.of(new float[] {0, 1, 0, 0, 1, 0, 0, 0, 0.25f, 0.25f, 0.5f, 0}, 3, 4)));
        cases.add(of("sigmoid cross-entropy", v -> v.get(0).sigmoidCrossEntropy(v.get(1)), t(2, 3),
                Tensor.of(new float[] {0, 1, 1, 0, 0.3f, 0.7f}, 2, 3)));
        ConvGeometry strided = new ConvGeometry(3, 2, 2, 1, 1, 0, 1, 1, 1, 1);
        cases.add(of("conv2d stride, asymmetric padding, bias", v -> v.get(0).conv2d(v.get(1), v.get(2), strided),
                t(2, 5, 4, 3), t(3, 2, 3, 2), t(2)));
        cases.add(of("conv2d dilation, no bias", v -> v.get(0).conv2d(v.get(1), null, ConvGeometry.square(2, 1, 1, 2)),
                t(1, 4, 4, 2), t(2, 2, 2, 3)));
        cases.add(of("convTranspose2d", v -> v.get(0).convTranspose2d(v.get(1), v.get(2),
                ConvGeometry.square(3, 2, 1), 1, 0), t(2, 3, 3, 2), t(3, 3, 4, 2), t(4)));
        cases.add(of("max pool", v -> v.get(0).pool2d(Pool2dOp.Kind.MAX, ConvGeometry.square(2, 2, 0)),
                distinct(2, 4, 4, 3)));
        cases.add(of("average pool with padding", v -> v.get(0).pool2d(Pool2dOp.Kind.AVG,
                ConvGeometry.square(3, 2, 1)), t(2, 5, 5, 2)));
        cases.add(of("L2 pool", v -> v.get(0).pool2d(Pool2dOp.Kind.L2, ConvGeometry.square(2, 1, 0)),
                positive(1, 3, 3, 2)));
        cases.add(of("global average pool", v -> v.get(0).globalPool(false), t(2, 3, 3, 4)));
        cases.add(of("global max pool", v -> v.get(0).globalPool(true), distinct(2, 3, 3, 4)));
        cases.add(of("upsample", v -> v.get(0).upsample(2, 3), t(2, 2, 2, 3)));
        cases.add(of("median pool, odd and even windows", v -> Variable.apply(new MedianPool2dOp(
                new ConvGeometry(3, 2, 2, 1, 1, 0, 0, 1, 1, 1)), v.get(0)), distinct(2, 5, 4, 2)));
        cases.add(of("max unpool with remembered switches", v -> Variable.apply(new MaxUnpool2dOp(
                switchesOf(distinct(2, 4, 4, 3)), 4, 4, ConvGeometry.square(2, 2, 0)), v.get(0)), t(2, 2, 2, 3)));
        cases.add(of("batch norm, training, biased", v -> Variable.apply(new BatchNormOp(Tensor.zeros(3),
                Tensor.ones(3), 1e-5f, 0.9f, false, true), v.get(0), v.get(1), v.get(2)), t(5, 3), t(3), t(3)));
        cases.add(of("batch norm, training, unbiased, image", v -> Variable.apply(new BatchNormOp(Tensor.zeros(2),
                Tensor.ones(2), 1e-5f, 0.9f, true, true), v.get(0), v.get(1), v.get(2)), t(2, 2, 2, 2), t(2),
                t(2)));
        cases.add(of("batch norm, inference", v -> Variable.apply(new BatchNormOp(Tensor.vector(0.2f, -0.1f),
                Tensor.vector(0.5f, 2f), 1e-3f, 0.9f, false, false), v.get(0), v.get(1), v.get(2)), t(3, 2), t(2),
                t(2)));
        cases.add(of("dropout, frozen mask, inverted", v -> Variable.apply(new DropoutOp(0.4f, true, new Rng(3))
                .freezeMask(), v.get(0)), t(4, 5)));
        cases.add(of("dropout, frozen mask, classic", v -> Variable.apply(new DropoutOp(0.4f, false, new Rng(3))
                .freezeMask(), v.get(0)), t(4, 5)));
        cases.addAll(SequenceOpCases.cases());
        cases.add(of("normal noise, frozen draw", v -> v.get(0).add(Variable.apply(
                new studio.backprop.autograd.ops.NormalNoise(new Rng(5)).freeze(), v.get(0))), t(3, 4)));
        for (UnaryFn f : UnaryFn.values()) {
            Tensor x = switch (f) {
                case LOG, SQRT, POW, RECIPROCAL -> positive(2, 3);
                default -> awayFromZero(2, 3);
            };
            cases.add(of("unary " + f, v -> v.get(0).map(f, f == UnaryFn.POW ? 2.5f : 0.3f), x));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(Case c) {
        GradCheck.Report report = GradCheck.check(c.f(), c.inputs(), GradCheck.Options.defaults());
        assertTrue(report.passed(), c.name() + ":\n" + report.describeFailures());
    }

    @Test
    void everyPrimitiveOpHasAGradientCheck() {
        Set<String> covered = new TreeSet<>();
        cases().forEach(c -> {
            List<Variable> vars = c.inputs().stream().map(t -> Variable.parameter(t.copy(), "x")).toList();
            for (Variable node : Tape.record(c.f().apply(vars)).nodes()) {
                if (node.op() != null) {
                    covered.add(node.op().getClass().getName());
                }
            }
        });
        Set<String> all = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("studio.backprop")) {
            if (type.isAssignableTo(Op.class) && !type.getModifiers().contains(JavaModifier.ABSTRACT)) {
                all.add(type.getName());
            }
        }
        assertTrue(all.size() >= 10, "the class scan found too few ops to be trusted: " + all);
        all.removeAll(covered);
        assertEquals(Set.of(), all, "ops without a gradient-check case in OpGradientTest");
    }

    private static Case of(String name, Function<List<Variable>, Variable> f, Tensor... inputs) {
        return new Case(name, f, List.of(inputs));
    }

    private static final Rng RNG = new Rng(11);

    static Tensor t(int... shape) {
        return Tensor.uniform(RNG, -1f, 1f, shape);
    }

    static Tensor positive(int... shape) {
        return Tensor.uniform(RNG, 0.5f, 2f, shape);
    }

    /** Values at least 0.1 away from 0, so kinks at zero stay outside the finite-difference step. */
    static Tensor awayFromZero(int... shape) {
        Tensor x = Tensor.uniform(RNG, 0.1f, 1f, shape);
        float[] d = x.buffer();
        for (int i = 0; i < d.length; i += 2) {
            d[i] = -d[i];
        }
        return x;
    }

    /** The argmax switches a 2×2, stride-2 max pooling remembers for this image batch. */
    static int[] switchesOf(Tensor image) {
        Pool2dOp pool = new Pool2dOp(Pool2dOp.Kind.MAX, ConvGeometry.square(2, 2, 0));
        Tape.record(Variable.apply(pool, Variable.constant(image)));
        return pool.argmax();
    }

    /** Well-separated values, so the maximum does not change under a small perturbation. */
    static Tensor distinct(int... shape) {
        Tensor x = Tensor.zeros(shape);
        int[] order = RNG.permutation(x.size());
        for (int i = 0; i < order.length; i++) {
            x.buffer()[i] = order[i] * 0.2f;
        }
        return x;
    }
}
