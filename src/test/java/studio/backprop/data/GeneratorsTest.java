package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratorsTest {

    /** A 2-D generator: size, noise, seed. */
    interface Gen {
        Dataset make(int size, double noise, long seed);
    }

    static Stream<Arguments> twoD() {
        return Stream.of(
                Arguments.of("circle", (Gen) Generators::circle, 2),
                Arguments.of("xor", (Gen) Generators::xor, 2),
                Arguments.of("gaussians", (Gen) Generators::gaussians, 2),
                Arguments.of("spiral", (Gen) Generators::spiral, 2),
                Arguments.of("moons", (Gen) Generators::moons, 2),
                Arguments.of("blobs", (Gen) (n, noise, seed) -> Generators.blobs(n, 3, noise, seed), 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoD")
    void shapesLabelsAndRange(String name, Gen gen, int classes) {
        Dataset d = gen.make(301, 0.2, 7);
        assertEquals(name, d.name());
        assertArrayEquals(new int[] {301, 2}, d.features().shape());
        assertArrayEquals(new int[] {301, classes}, d.targets().shape());
        assertEquals(List.of("x1", "x2"), d.featureNames());
        assertEquals(classes, d.classCount());
        int[] counts = d.classCounts();
        for (int c = 0; c < classes; c++) {
            assertEquals(301 / classes + (c < 301 % classes ? 1 : 0), counts[c], "class " + c);
        }
        float[] xy = d.features().buffer();
        for (float v : xy) {
            assertTrue(Math.abs(v) < 9, name + " coordinate " + v);
        }
        float[] oneHot = d.targets().buffer();
        int[] labels = d.labels();
        for (int i = 0; i < 301; i++) {
            assertEquals(1f, oneHot[i * classes + labels[i]]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoD")
    void sameSeedSameDataOtherSeedOtherData(String name, Gen gen, int classes) {
        Dataset a = gen.make(100, 0.3, 42);
        Dataset b = gen.make(100, 0.3, 42);
        Dataset c = gen.make(100, 0.3, 43);
        assertArrayEquals(a.features().buffer(), b.features().buffer());
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(java.util.Arrays.equals(a.features().buffer(), c.features().buffer()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoD")
    void noiseSpreadsEachClass(String name, Gen gen, int classes) {
        double quiet = closeness(gen.make(400, 0.0, 5));
        double noisy = closeness(gen.make(400, 0.8, 5));
        assertTrue(noisy > quiet * 1.2, name + ": quiet " + quiet + ", noisy " + noisy);
    }

    /** 1 / mean distance from a point to the nearest point of another class: grows as noise blurs the border. */
    private static double closeness(Dataset d) {
        float[] xy = d.features().buffer();
        int[] labels = d.labels();
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < labels.length; j++) {
                if (labels[j] != labels[i]) {
                    best = Math.min(best, Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]));
                }
            }
            total += best;
        }
        return 1 / (total / labels.length);
    }

    @Test
    void noiseFreeSetsFollowTheirFormulas() {
        Dataset circle = Generators.circle(200, 0, 1);
        float[] p = circle.features().buffer();
        for (int i = 0; i < 200; i++) {
            double r = Math.hypot(p[2 * i], p[2 * i + 1]);
            assertTrue(circle.label(i) == 1 ? r <= 2.5 : r >= 3.5 && r <= 5.0001, "radius " + r);
        }
        Dataset xor = Generators.xor(200, 0, 1);
        float[] q = xor.features().buffer();
        for (int i = 0; i < 200; i++) {
            assertEquals(q[2 * i] * q[2 * i + 1] > 0 ? 1 : 0, xor.label(i));
            assertTrue(Math.abs(q[2 * i]) >= 0.3 && Math.abs(q[2 * i + 1]) >= 0.3);
        }
    }

    @Test
    void describeNamesSizeFeaturesAndClasses() {
        assertEquals("spiral, 400 points, 2 features, 2 classes", Generators.spiral(400, 0.1, 3).describe());
        assertEquals("sine, 50 points, 1 feature, 1 target", Curves.sine(50, 0.1, 3).describe());
    }

    @Test
    void argumentsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Generators.circle(0, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Generators.moons(10, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> Generators.blobs(10, 1, 0.1, 1));
    }

    @Test
    void gateTablesInBothConventions() {
        int[][] expected = {{0, 0, 0, 1}, {0, 1, 1, 1}, {1, 1, 1, 0}, {1, 0, 0, 0}, {0, 1, 1, 0}};
        for (GateTable gate : GateTable.values()) {
            Dataset d = gate.dataset(LabelLevels.ZERO_ONE);
            assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, d.features().buffer());
            assertArrayEquals(expected[gate.ordinal()], d.labels(), gate.name());
            assertEquals(TaskKind.BINARY_CLASSIFICATION, d.task());
            Dataset bipolar = gate.dataset(LabelLevels.MINUS_ONE_PLUS_ONE);
            assertEquals(List.of("−1", "+1"), bipolar.classNames());
            float[] column = bipolar.binaryTargets().buffer();
            for (int row = 0; row < 4; row++) {
                assertEquals(expected[gate.ordinal()][row] == 1 ? 1f : -1f, column[row]);
            }
        }
    }

    @Test
    void curvesFollowTheirFormulaWithoutNoiseAndScatterWithIt() {
        Dataset sine = Curves.sine(100, 0, 9);
        Dataset cubic = Curves.polynomial(100, 0, 9, 1, 0, 0, 2);
        float[] x = sine.features().buffer();
        for (int i = 0; i < 100; i++) {
            assertTrue(x[i] >= -1 && x[i] < 1);
            assertEquals(Math.sin(Math.PI * x[i]), sine.targets().buffer()[i], 1e-5);
            assertEquals(1 + 2 * Math.pow(cubic.features().buffer()[i], 3), cubic.targets().buffer()[i], 1e-5);
        }
        Dataset noisy = Curves.sine(100, 0.5, 9);
        assertArrayEquals(x, noisy.features().buffer(), "same seed, same x whatever the noise");
        double residual = 0;
        for (int i = 0; i < 100; i++) {
            residual += Math.pow(noisy.targets().buffer()[i] - Math.sin(Math.PI * x[i]), 2);
        }
        assertEquals(0.5, Math.sqrt(residual / 100), 0.15);
        assertArrayEquals(noisy.targets().buffer(), Curves.sine(100, 0.5, 9).targets().buffer());
        assertEquals(TaskKind.REGRESSION, noisy.task());
    }
}
