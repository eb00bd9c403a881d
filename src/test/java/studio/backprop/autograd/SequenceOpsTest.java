package studio.backprop.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import studio.backprop.autograd.ops.BatchedMatMul;
import studio.backprop.autograd.ops.MaskFill;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

/** The sequence ops' forward values against naive references built another way. */
class SequenceOpsTest {

    private final Rng rng = new Rng(5);

    @Test
    void batchedMatMulMatchesItsReferenceAndEachTwoDimensionalProduct() {
        for (int[] d : new int[][] {{3, 2, 4, 5}, {2, 7, 9, 3}, {4, 1, 1, 1}, {2, 33, 17, 40}}) {
            Tensor a = Tensor.uniform(rng, -1, 1, d[0], d[1], d[2]);
            Tensor b = Tensor.uniform(rng, -1, 1, d[0], d[2], d[3]);
            Tensor y = Variable.constant(a).matMul(Variable.constant(b)).value();
            float[] reference = new float[d[0] * d[1] * d[3]];
            BatchedMatMul.forwardReference(a.buffer(), b.buffer(), d[0], d[1], d[2], d[3], reference);
            assertTrue(y.allClose(Tensor.of(reference, d[0], d[1], d[3]), 1e-5f, 1e-5f));
            for (int s = 0; s < d[0]; s++) {
                Tensor one = a.slice(0, s, s + 1).reshape(d[1], d[2]).matMul(b.slice(0, s, s + 1).reshape(d[2], d[3]));
                assertTrue(y.slice(0, s, s + 1).reshape(d[1], d[3]).allClose(one, 1e-5f, 1e-5f));
            }
        }
    }

    @Test
    void batchedMatMulSaysWhyShapesDoNotChain() {
        ShapeException e = assertThrows(ShapeException.class, () -> Variable.constant(Tensor.zeros(2, 3, 4))
                .matMul(Variable.constant(Tensor.zeros(2, 3, 4))));
        assertTrue(e.getMessage().contains("do not chain"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Variable.constant(Tensor.zeros(2, 3, 4))
                .matMul(Variable.constant(Tensor.zeros(3, 4, 4))));
        assertTrue(e.getMessage().contains("axis 0"), e.getMessage());
    }

    @Test
    void gatherEqualsOneHotRowsTimesTheTable() {
        Tensor table = Tensor.uniform(rng, -1, 1, 5, 3);
        float[] ids = {4, 0, 2, 2};
        Tensor oneHot = Tensor.zeros(4, 5);
        for (int p = 0; p < ids.length; p++) {
            oneHot.set(1f, p, (int) ids[p]);
        }
        Tensor y = SequenceOps.embed(Variable.constant(table), Variable.constant(Tensor.of(ids, 2, 2))).value();
        assertArrayEquals(new int[] {2, 2, 3}, y.shape());
        assertTrue(y.reshape(4, 3).allClose(oneHot.matMul(table), 0f, 0f));
    }

    @Test
    void gatherNamesAnIdOutsideTheVocabulary() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SequenceOps.embed(
                Variable.constant(Tensor.zeros(3, 2)), Variable.constant(Tensor.vector(1, 3))));
        assertTrue(e.getMessage().contains("token id 3.0 at position 2"), e.getMessage());
        assertTrue(e.getMessage().contains("from 0 to 2"), e.getMessage());
    }

    @Test
    void maskKeepsValuesWhereTheMaskIsOneAndFillsTheRest() {
        Tensor x = Tensor.uniform(rng, -1, 1, 2, 3, 3);
        Tensor m = MaskFill.causal(3);
        Tensor y = SequenceOps.mask(Variable.constant(x), m, -7f).value();
        Tensor expected = x.mul(m).add(Tensor.ones(3, 3).sub(m).mul(-7f));
        assertTrue(y.allClose(expected, 0f, 1e-6f));
        assertEquals(0f, m.get(0, 1));
        assertEquals(1f, m.get(2, 1));
    }

    @Test
    void layerNormMatchesItsDefinitionWrittenWithPrimitiveOps() {
        Tensor x = Tensor.uniform(rng, -2, 2, 2, 3, 5);
        Tensor gamma = Tensor.uniform(rng, 0.5f, 1.5f, 5);
        Tensor beta = Tensor.uniform(rng, -1, 1, 5);
        Tensor y = SequenceOps.layerNorm(Variable.constant(x), Variable.constant(gamma), Variable.constant(beta),
                1e-5f).value();
        Tensor centred = x.sub(x.mean(2, true));
        Tensor variance = centred.square().mean(2, true);
        Tensor expected = centred.div(variance.add(1e-5f).sqrt()).mul(gamma).add(beta);
        assertTrue(y.allClose(expected, 1e-4f, 1e-5f));
    }

    @Test
    void stepAndStackAreInverses() {
        Tensor x = Tensor.uniform(rng, -1, 1, 2, 4, 3);
        Variable v = Variable.constant(x);
        Variable[] steps = new Variable[4];
        for (int t = 0; t < 4; t++) {
            steps[t] = SequenceOps.step(v, t);
        }
        assertTrue(SequenceOps.stack(steps).value().allClose(x, 0f, 0f));
    }
}
