package studio.backprop.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import studio.backprop.kernels.Gemm;

class TensorTest {

    @Test
    void creationFillsShapesAsAsked() {
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, Tensor.zeros(2, 3).toArray());
        assertArrayEquals(new float[] {7, 7}, Tensor.full(7f, 2).toArray());
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f}, Tensor.arange(0, 2, 0.5f).toArray());
        assertArrayEquals(new float[] {1, 0, 0, 1}, Tensor.eye(2).toArray());
        assertEquals(0, Tensor.scalar(3f).rank());
        assertEquals(3f, Tensor.scalar(3f).item());
    }

    @Test
    void seededRandomTensorsRepeatExactly() {
        assertArrayEquals(Tensor.normal(new Rng(42), 0f, 1f, 100).toArray(),
                Tensor.normal(new Rng(42), 0f, 1f, 100).toArray());
        Tensor u = Tensor.uniform(new Rng(1), -2f, 3f, 200_000);
        for (float v : u.toArray()) {
            assertTrue(v >= -2f && v < 3f);
        }
        assertEquals(0.5, u.mean().item(), 0.02, "mean of U(-2, 3); the standard error is 0.003");
    }

    @Test
    void rngStateCanBeSavedAndResumed() {
        Rng a = new Rng(9);
        a.nextDouble();
        Rng b = new Rng(0);
        b.setState(a.state());
        assertEquals(a.nextLong(), b.nextLong());
        int[] p = new Rng(3).permutation(50);
        assertEquals(49 * 50 / 2, java.util.Arrays.stream(p).sum());
    }

    @Test
    void viewsShareStorageAndReadThroughStrides() {
        Tensor m = Tensor.arange(6).reshape(2, 3);
        Tensor t = m.transpose();
        assertArrayEquals(new int[] {3, 2}, t.shape());
        assertFalse(t.isContiguous());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.toArray());
        Tensor s = m.slice(1, 1, 3);
        assertArrayEquals(new float[] {1, 2, 4, 5}, s.toArray());
        m.set(99f, 0, 1);
        assertEquals(99f, s.get(0, 0), "a slice is a view");
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2}, Tensor.vector(1, 2).broadcastTo(3, 2).toArray());
        assertArrayEquals(new int[] {2, 1, 3}, m.unsqueeze(1).shape());
        assertArrayEquals(new int[] {3, 2}, m.reshape(-1, 2).shape());
        assertArrayEquals(new float[] {0, 99, 2, 3, 4, 5}, m.permute(1, 0).permute(1, 0).toArray());
    }

    @Test
    void arithmeticBroadcastsLikeNumpy() {
        Tensor m = Tensor.matrix(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, m.add(Tensor.vector(10, 20, 30)).toArray());
        assertArrayEquals(new float[] {0, 1, 2, 2, 3, 4},
                m.sub(Tensor.of(new float[] {1, 2}, 2, 1)).toArray());
        assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, m.mul(2f).toArray());
        assertArrayEquals(new float[] {1, 4, 9, 16, 25, 36}, m.square().toArray());
        assertArrayEquals(new float[] {2, 2, 3, 4, 4, 4}, m.clamp(2, 4).toArray());
    }

    @Test
    void inPlaceUpdatesChangeTheTensorItself() {
        Tensor w = Tensor.vector(1, 2, 3);
        w.subi(Tensor.vector(0.5f, 0.5f, 0.5f)).muli(2f);
        assertArrayEquals(new float[] {1, 3, 5}, w.toArray());
        w.assign(Tensor.scalar(4f));
        assertArrayEquals(new float[] {4, 4, 4}, w.toArray());
    }

    @Test
    void matMulMatchesTheReferenceIncludingTransposedViewsAndBatches() {
        Rng rng = new Rng(5);
        Tensor a = Tensor.uniform(rng, -1, 1, 7, 13);
        Tensor b = Tensor.uniform(rng, -1, 1, 13, 5);
        float[] expected = new float[35];
        Gemm.gemmReference(false, false, 7, 5, 13, a.toArray(), 0, b.toArray(), 0, expected, 0, false);
        assertArrayEquals(expected, a.matMul(b).toArray(), 1e-5f);
        Tensor at = a.transpose().contiguous().transpose();
        assertArrayEquals(expected, at.matMul(b).toArray(), 1e-5f);
        Tensor bt = b.transpose().contiguous().transpose();
        assertArrayEquals(expected, a.matMul(bt).toArray(), 1e-5f);
        Tensor batchA = Tensor.uniform(rng, -1, 1, 3, 4, 6);
        Tensor batchB = Tensor.uniform(rng, -1, 1, 3, 6, 2);
        Tensor batched = batchA.matMul(batchB);
        for (int i = 0; i < 3; i++) {
            Tensor one = batchA.slice(0, i, i + 1).reshape(4, 6).matMul(batchB.slice(0, i, i + 1).reshape(6, 2));
            assertArrayEquals(one.toArray(), batched.slice(0, i, i + 1).toArray(), 1e-6f);
        }
    }

    @Test
    void reductionsWorkAlongAnyAxis() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        assertArrayEquals(new float[] {12, 15, 18, 21, 48, 51, 54, 57}, x.sum(1, false).toArray());
        assertArrayEquals(new int[] {2, 1, 4}, x.sum(1, true).shape());
        assertEquals(276f, x.sum().item());
        assertEquals(11.5f, x.mean().item());
        assertArrayEquals(new float[] {3, 7, 11, 15, 19, 23}, x.max(-1, false).toArray());
        assertArrayEquals(Tensor.ones(3, 4).toArray(), x.argMax(0).toArray());
        assertEquals(1, Tensor.vector(1, 9, 9, 2).argMax(), "ties go to the lowest index");
        Tensor p = Tensor.matrix(new float[][] {{1, 2}, {3, 4}}).softmax(0);
        assertArrayEquals(new float[] {0.119203f, 0.119203f, 0.880797f, 0.880797f}, p.toArray(), 1e-6f);
    }

    @Test
    void shapeMistakesAreExplainedInWords() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> Tensor.ones(2, 3).add(Tensor.ones(4)));
        assertEquals("add: shapes [2, 3] and [4] cannot be broadcast together (axis 1: 3 vs 4; dimensions must be "
                + "equal or 1)", e.getMessage());
        assertTrue(assertThrows(ShapeException.class, () -> Tensor.ones(2, 3).sum(2, false)).getMessage()
                .contains("axis 2 is out of range for a tensor of rank 2"));
        assertTrue(assertThrows(ShapeException.class, () -> Tensor.ones(6).reshape(4, 2)).getMessage()
                .contains("cannot become [4, 2]"));
        assertTrue(assertThrows(ShapeException.class, () -> Tensor.ones(2, 3).matMul(Tensor.ones(2, 3)))
                .getMessage().contains("do not chain"));
        assertTrue(assertThrows(ShapeException.class, () -> Tensor.ones(2).get(2)).getMessage()
                .contains("out of bounds"));
    }

    @Test
    void nonFiniteResultsFromFiniteInputsNameTheOp() {
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> Tensor.vector(1, 0).div(0f));
        assertEquals("div", e.op());
        assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
        assertThrows(NonFiniteException.class, () -> Tensor.vector(100f).exp());
        Tensor alreadyBad = Tensor.vector(Float.NaN, 1f);
        assertTrue(Float.isNaN(alreadyBad.mul(2f).toArray()[0]), "NaN passed on, not re-reported");
    }

    @Test
    void impossibleSizesAreRefusedWithAMessage() {
        TensorTooLargeException e = assertThrows(TensorTooLargeException.class,
                () -> Tensor.zeros(100_000, 100_000));
        assertTrue(e.getMessage().contains("[100000, 100000]"), e.getMessage());
        assertThrows(ShapeException.class, () -> Tensor.zeros(-1, 2));
    }

    @Test
    void textFormShowsValuesAndShape() {
        assertEquals("tensor([[1, 2], [3, 4]], shape=[2, 2])",
                Tensor.matrix(new float[][] {{1, 2}, {3, 4}}).toString());
        assertEquals("tensor([0, 1, 2, …, 7, 8, 9], shape=[10])", Tensor.arange(10).toString());
    }
}
