package studio.backprop.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

class InitializerTest {

    /** (1000, 500): fan_in = 1000, fan_out = 500; 500 000 samples. */
    private static final int[] SHAPE = {1000, 500};

    @Test
    void theSameSeedGivesTheSameWeights() {
        for (String name : Initializer.names()) {
            Initializer init = Initializer.byName(name);
            float[] a = init.create(new Rng(42), 4, 3).toArray();
            float[] b = init.create(new Rng(42), 4, 3).toArray();
            assertArrayEquals(a, b, name);
        }
        float[] seed1 = Initializer.heNormal().create(new Rng(1), 4, 3).toArray();
        float[] seed2 = Initializer.heNormal().create(new Rng(2), 4, 3).toArray();
        assertFalse(Arrays.equals(seed1, seed2));
    }

    @Test
    void drawsContinueTheGeneratorInRowMajorOrder() {
        Rng rng = new Rng(7);
        Tensor t = Initializer.uniform(0, 1).create(rng, 2, 2);
        Rng again = new Rng(7);
        for (float v : t.toArray()) {
            assertEquals((float) again.nextDouble(), v);
        }
        assertEquals(again.state(), rng.state(), "one nextDouble per element, nothing more");
    }

    @Test
    void glorotUniformStaysWithinItsLimitAndHasItsVariance() {
        // L = √(6/(1000 + 500)) = √0.004 = 0.0632456; variance of U[−L, L) is L²/3 = 0.0013333
        double limit = Math.sqrt(6.0 / 1500);
        assertEquals(0.0632456, limit, 1e-7);
        assertUniform(Initializer.glorotUniform(), limit);
    }

    @Test
    void heUniformStaysWithinItsLimit() {
        // L = √(6/1000) = 0.0774597
        assertUniform(Initializer.heUniform(), Math.sqrt(6.0 / 1000));
    }

    @Test
    void glorotNormalHasItsStandardDeviation() {
        // σ = √(2/1500) = 0.0365148
        assertNormal(Initializer.glorotNormal(), Math.sqrt(2.0 / 1500));
    }

    @Test
    void heNormalHasItsStandardDeviation() {
        // σ = √(2/1000) = 0.0447214
        assertNormal(Initializer.heNormal(), Math.sqrt(2.0 / 1000));
    }

    @Test
    void lecunNormalHasItsStandardDeviation() {
        // σ = √(1/1000) = 0.0316228
        assertNormal(Initializer.lecunNormal(), Math.sqrt(1.0 / 1000));
    }

    @Test
    void plainNormalAndUniformIgnoreTheFans() {
        assertNormal(Initializer.normal(0.5), 0.5);
        Tensor t = Initializer.uniform(2, 3).create(new Rng(3), SHAPE);
        double[] stats = stats(t);
        assertEquals(2.5, stats[0], 0.005);
        assertTrue(stats[2] >= 2 && stats[3] < 3);
    }

    @Test
    void convolutionWeightsUseTheReceptiveField() {
        // 3×3×16 → 32: fan_in = 144, He σ = √(2/144) = 0.117851
        Tensor w = Initializer.heNormal().create(new Rng(11), 3, 3, 16, 32);
        assertEquals(Math.sqrt(2.0 / 144), stats(w)[1], 0.03 * Math.sqrt(2.0 / 144));
        // Explicit fans override the shape's.
        Tensor explicit = Tensor.zeros(10, 10);
        Initializer.heUniform().fill(explicit, new FanInOut(600, 1), new Rng(1));
        assertTrue(stats(explicit)[3] < 0.1 && stats(explicit)[2] >= -0.1, "L = √(6/600) = 0.1");
    }

    @Test
    void zerosAndConstant() {
        Tensor t = Tensor.full(9f, 2, 3);
        Initializer.zeros().fill(t, new Rng(0));
        assertArrayEquals(new float[6], t.toArray());
        assertArrayEquals(new float[] {0.5f, 0.5f}, Initializer.constant(0.5).create(new Rng(0), 2).toArray());
    }

    @Test
    void everyInitialiserIsFoundByItsName() {
        assertEquals(List.of("zeros", "constant", "uniform", "normal", "glorot_uniform", "glorot_normal",
                "he_uniform", "he_normal", "lecun_normal"), Initializer.names());
        for (String name : Initializer.names()) {
            Initializer init = Initializer.byName(name);
            assertEquals(name, init.name());
            assertEquals(init, Initializer.byName(name, init.parameters()), "name and parameters recreate it");
        }
        assertEquals(Initializer.heNormal(), Initializer.byName("he_normal"));
        assertEquals(new Uniform(-0.05, 0.05), Initializer.byName("uniform"));
        assertEquals(new Normal(0.2), Initializer.byName("normal", Map.of("std", 0.2)));
        assertEquals(new Constant(3), Initializer.byName("constant", Map.of("value", 3.0)));
    }

    @Test
    void anUnknownNameIsRefusedWithTheValidOnes() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> Initializer.byName("xavier")).getMessage();
        assertEquals("unknown initialiser 'xavier'; the valid names are zeros, constant, uniform, normal,"
                + " glorot_uniform, glorot_normal, he_uniform, he_normal, lecun_normal", message);
        String setting = assertThrows(IllegalArgumentException.class,
                () -> Initializer.byName("normal", Map.of("mean", 1.0))).getMessage();
        assertTrue(setting.contains("'normal' has no setting [mean]") && setting.contains("takes std"), setting);
    }

    @Test
    void badSettingsAreRefusedInWords() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Initializer.normal(-1)).getMessage()
                .contains("σ of the normal initialiser must be a finite number ≥ 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Initializer.uniform(1, 0)).getMessage()
                .contains("a ≤ b"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Initializer.constant(Double.NaN))
                .getMessage().contains("finite number"));
    }

    private static void assertUniform(Initializer init, double limit) {
        double[] s = stats(init.create(new Rng(5), SHAPE));
        assertTrue(s[2] >= -limit && s[3] < limit, init.name() + " range");
        assertTrue(s[3] > 0.999 * limit && s[2] < -0.999 * limit, init.name() + " fills its range");
        assertEquals(0, s[0], 0.01 * limit, init.name() + " mean");
        assertEquals(limit / Math.sqrt(3), s[1], 0.01 * limit, init.name() + " std");
    }

    private static void assertNormal(Initializer init, double std) {
        double[] s = stats(init.create(new Rng(5), SHAPE));
        // Standard errors for 500 000 samples: mean σ/707 ≈ 0.0014σ, std ≈ 0.001σ.
        assertEquals(0, s[0], 0.01 * std, init.name() + " mean");
        assertEquals(std, s[1], 0.01 * std, init.name() + " std");
        assertTrue(s[3] > 4 * std, init.name() + " is not truncated: some values lie beyond 2σ, even 4σ");
    }

    /** {mean, std, min, max}. */
    private static double[] stats(Tensor t) {
        float[] v = t.toArray();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / v.length;
        double squares = 0;
        for (float x : v) {
            squares += (x - mean) * (x - mean);
        }
        return new double[] {mean, Math.sqrt(squares / v.length), min, max};
    }
}
