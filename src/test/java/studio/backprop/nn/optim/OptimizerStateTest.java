package studio.backprop.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/** Reset, inspection, and export/import that continues bit for bit. */
class OptimizerStateTest {

    private static final float[] CENTRE = {1f, -2f, 0.5f, 3f};
    private static final float[] CURVATURE = {1f, 10f, 0.5f, 2f};

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("sgd", (Supplier<Optimizer>) () -> configured(new Sgd(0.01))),
                Arguments.of("momentum", (Supplier<Optimizer>) () -> configured(Sgd.withMomentum(0.01, 0.9))),
                Arguments.of("nesterov", (Supplier<Optimizer>) () -> configured(Sgd.nesterov(0.01, 0.9))),
                Arguments.of("adagrad", (Supplier<Optimizer>) () -> configured(new AdaGrad(0.1))),
                Arguments.of("rmsprop", (Supplier<Optimizer>) () -> configured(new RmsProp(0.01))),
                Arguments.of("adam", (Supplier<Optimizer>) () -> configured(new Adam(0.05))));
    }

    /** Everything switched on, so that every part of the state matters for the continuation. */
    private static Optimizer configured(Optimizer optimizer) {
        optimizer.setPenalty(new Penalty(1e-3, 1e-2));
        optimizer.setWeightDecay(0.01);
        LearningRateSchedule base = optimizer.schedule();
        optimizer.setSchedule(LearningRateSchedule.exponentialDecay(base.learningRate(0), 0.9, 3));
        return optimizer;
    }

    private static List<Variable> parameters(float[] w, float[] b) {
        return List.of(Variable.parameter(Tensor.of(w, 2, 2), "W"), Variable.parameter(Tensor.vector(b), "b"));
    }

    /** Loss Σk(W − c)² + Σ(b − 1)²; W is 2×2 and flattened against the 4-element centre. */
    private static void backward(List<Variable> params) {
        Variable w = params.get(0).reshape(4);
        Variable c = Variable.constant(Tensor.vector(CENTRE));
        Variable k = Variable.constant(Tensor.vector(CURVATURE));
        w.sub(c).square().mul(k).sum().add(params.get(1).add(-1f).square().sum()).backward();
    }

    private static void run(Optimizer optimizer, List<Variable> params, int steps) {
        for (int i = 0; i < steps; i++) {
            backward(params);
            optimizer.step(params);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void importedStateContinuesBitForBit(String label, Supplier<Optimizer> make) {
        List<Variable> uninterrupted = parameters(new float[] {0.3f, 0.2f, -0.7f, 1.1f}, new float[] {0f, 2f});
        Optimizer a = make.get();
        run(a, uninterrupted, 5);

        // The session file: parameter values and optimiser state as plain data.
        float[] savedW = uninterrupted.get(0).value().toArray();
        float[] savedB = uninterrupted.get(1).value().toArray();
        OptimizerState saved = a.exportState();

        run(a, uninterrupted, 7);

        List<Variable> resumed = parameters(savedW, savedB);
        Optimizer b = make.get();
        b.importState(saved);
        assertEquals(5, b.stepCount());
        run(b, resumed, 7);

        assertArrayEquals(uninterrupted.get(0).value().toArray(), resumed.get(0).value().toArray(), label);
        assertArrayEquals(uninterrupted.get(1).value().toArray(), resumed.get(1).value().toArray(), label);
        assertEquals(a.exportState(), b.exportState(), label);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void resetForgetsEverythingAndStartsAgain(String label, Supplier<Optimizer> make) {
        Optimizer used = make.get();
        run(used, parameters(new float[] {9f, 9f, 9f, 9f}, new float[] {5f, 5f}), 4);
        used.reset();
        assertEquals(0, used.stepCount());
        assertTrue(used.state().isEmpty());

        List<Variable> p1 = parameters(new float[] {0.3f, 0.2f, -0.7f, 1.1f}, new float[] {0f, 2f});
        List<Variable> p2 = parameters(new float[] {0.3f, 0.2f, -0.7f, 1.1f}, new float[] {0f, 2f});
        run(used, p1, 6);
        run(make.get(), p2, 6);
        assertArrayEquals(p2.get(0).value().toArray(), p1.get(0).value().toArray(), label);
        assertArrayEquals(p2.get(1).value().toArray(), p1.get(1).value().toArray(), label);
    }

    @Test
    void stateIsInspectableByParameterAndBufferName() {
        Adam adam = new Adam();
        List<Variable> params = parameters(new float[4], new float[2]);
        run(adam, params, 2);
        Map<String, Map<String, Tensor>> state = adam.state();
        assertEquals(List.of("W", "b"), List.copyOf(state.keySet()));
        assertEquals(List.of("m", "v"), List.copyOf(state.get("W").keySet()));
        assertArrayEquals(new int[] {2, 2}, state.get("W").get("m").shape());
        assertEquals(2, adam.stepCount());

        state.get("W").get("m").fill(123f);
        assertNotEquals(123f, adam.state().get("W").get("m").get(0, 0), "state() hands out copies");

        OptimizerState exported = adam.exportState();
        assertEquals("adam", exported.kind());
        exported.buffers().get("b").get("v")[0] = 99f;
        assertNotEquals(99f, exported.buffer("b", "v")[0], "an exported state cannot be changed afterwards");
        assertEquals(List.of(), new Sgd().bufferNames());
        assertEquals(List.of("velocity"), Sgd.withMomentum(0.1, 0.9).bufferNames());
        assertEquals(List.of("accumulator"), new AdaGrad().bufferNames());
        assertEquals(List.of("mean_square"), new RmsProp().bufferNames());
    }

    @Test
    void aRebuiltNetworkWithTheSameNamesKeepsItsState() {
        Sgd sgd = Sgd.withMomentum(0.1, 0.9);
        Variable first = Quadratic.parameter("w", 1f);
        Quadratic.towards(first, 3f);
        sgd.step(List.of(first));
        Variable rebuilt = Quadratic.parameter("w", Quadratic.value(first));
        Quadratic.towards(rebuilt, 3f);
        sgd.step(List.of(rebuilt));
        assertEquals(2.08, Quadratic.value(rebuilt), 1e-6, "the momentum trajectory of the hand test");
    }

    @Test
    void mismatchedStateIsRefusedInWords() {
        OptimizerState adamState = withSteps(new Adam(), 1);
        assertMessage(() -> new Sgd().importState(adamState), "'adam'", "'sgd'");

        OptimizerState momentum = withSteps(Sgd.withMomentum(0.1, 0.9), 1);
        assertMessage(() -> new Sgd(0.1).importState(momentum), "velocity", "'w'");

        Adam adam = new Adam();
        adam.importState(adamState);
        Variable bigger = Quadratic.parameter("w", 1f, 2f);
        Quadratic.towards(bigger, 3f);
        assertMessage(() -> adam.step(List.of(bigger)), "'w'", "1 number per buffer", "2 elements");
    }

    @Test
    void parameterNamesMustBeUniqueWithinAStep() {
        Variable a = Quadratic.parameter("w", 1f);
        Variable b = Quadratic.parameter("w", 2f);
        Quadratic.towards(a, 3f);
        Quadratic.towards(b, 3f);
        assertMessage(() -> new Adam().step(List.of(a, b)), "two different parameters", "'w'");
        assertMessage(() -> new Adam().step(List.of(a, a)), "'w' appears twice");
    }

    @Test
    void steadyStateStepsAllocateNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot count allocated bytes");
        List<Variable> params = parameters(new float[] {0.3f, 0.2f, -0.7f, 1.1f}, new float[] {0f, 2f});
        backward(params);
        List<Optimizer> all = new ArrayList<>();
        configurations().forEach(args -> all.add((Optimizer) ((Supplier<?>) args.get()[1]).get()));
        for (Optimizer optimizer : all) {
            for (int i = 0; i < 2000; i++) {   // first sight allocates the buffers; the rest must not
                optimizer.step(params);
            }
            // The smallest of three rounds: a stray JVM-internal allocation (compilation, class loading) can
            // land in one round, while one object per step would cost ≥ 16 bytes × 2000 steps in every round.
            long least = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 2000; i++) {
                    optimizer.step(params);
                }
                least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
            }
            assertTrue(least < 2000, optimizer.kind() + " allocated " + least + " bytes in 2000 steps");
        }
    }

    private static OptimizerState withSteps(Optimizer optimizer, int steps) {
        Variable w = Quadratic.parameter("w", 1f);
        for (int i = 0; i < steps; i++) {
            Quadratic.towards(w, 3f);
            optimizer.step(List.of(w));
        }
        return optimizer.exportState();
    }

    static void assertMessage(Runnable bad, String... parts) {
        String message = assertThrows(IllegalArgumentException.class, bad::run).getMessage();
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + message + "' should mention '" + part + "'");
        }
    }
}
