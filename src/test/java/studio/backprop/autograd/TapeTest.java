package studio.backprop.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.tensor.NonFiniteException;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

class TapeTest {

    @Test
    void nodesComeInTopologicalOrderEndingWithTheOutput() {
        Variable a = Variable.parameter(Tensor.scalar(2f), "a");
        Variable b = Variable.parameter(Tensor.scalar(3f), "b");
        Variable c = a.mul(b).named("c");
        Variable d = c.add(a).named("d");
        Tape tape = Tape.record(d);
        List<Variable> nodes = tape.nodes();
        assertSame(d, nodes.get(nodes.size() - 1));
        for (int i = 0; i < nodes.size(); i++) {
            for (Variable in : nodes.get(i).inputs()) {
                assertTrue(nodes.indexOf(in) < i, in.name() + " must come before " + nodes.get(i).name());
            }
        }
        assertEquals(List.of(a, b), tape.parameters());
    }

    @Test
    void aNodeUsedTwiceAccumulatesBothContributions() {
        Variable x = Variable.parameter(Tensor.scalar(3f), "x");
        Variable y = x.mul(x).add(x);
        y.backward();
        assertEquals(7f, x.grad().item(), "d(x² + x)/dx = 2x + 1 at 3");
    }

    @Test
    void replayingForwardAfterChangingALeafGivesFreshNumbers() {
        Variable w = Variable.parameter(Tensor.of(new float[] {1, 2}, 2, 1), "w");
        Variable x = Variable.constant(Tensor.of(new float[] {3, 4}, 1, 2), "x");
        Variable loss = x.matMul(w).tanh().sum();
        Tape tape = Tape.record(loss);
        w.value().assign(Tensor.of(new float[] {-0.1f, 0.05f}, 2, 1));
        tape.forward();
        tape.backward();
        Variable fresh = Variable.parameter(Tensor.of(new float[] {-0.1f, 0.05f}, 2, 1), "w2");
        Variable again = x.matMul(fresh).tanh().sum();
        again.backward();
        assertEquals(again.value().item(), loss.value().item());
        assertArrayEquals(fresh.grad().toArray(), w.grad().toArray());
    }

    @Test
    void backwardCanBeWalkedOneNodeAtATime() {
        Variable a = Variable.parameter(Tensor.scalar(0.5f), "a");
        Variable out = a.sigmoid().mul(2f);
        Tape tape = Tape.record(out);
        tape.zeroGrads();
        tape.seed(Tensor.ones());
        int last = tape.nodes().size() - 1;
        tape.backwardNode(last);
        assertEquals(0f, a.grad().item(), "the leaf has not been reached yet");
        for (int i = last - 1; i >= 0; i--) {
            tape.backwardNode(i);
        }
        double s = 1 / (1 + Math.exp(-0.5));
        assertEquals(2 * s * (1 - s), a.grad().item(), 1e-7);
    }

    @Test
    void constantsGetNoGradient() {
        Variable c = Variable.constant(Tensor.scalar(2f));
        Variable p = Variable.parameter(Tensor.scalar(5f), "p");
        p.mul(c).backward();
        assertNull(c.grad());
        assertEquals(2f, p.grad().item());
    }

    @Test
    void backwardOfANonScalarNeedsASeedAndSaysSo() {
        Variable v = Variable.parameter(Tensor.ones(2, 2), "v").mul(2f);
        ShapeException e = assertThrows(ShapeException.class, v::backward);
        assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());
    }

    @Test
    void anOpTurningFiniteIntoNaNIsNamed() {
        Variable v = Variable.parameter(Tensor.vector(1f, -1f), "v");
        NonFiniteException e = assertThrows(NonFiniteException.class, v::log);
        assertEquals("log", e.op());
        assertTrue(e.getMessage().contains("log of zero or of a negative number"), e.getMessage());
    }

    @Test
    void matMulShapeErrorsSayWhatDoesNotChain() {
        Variable a = Variable.constant(Tensor.ones(2, 3));
        Variable b = Variable.constant(Tensor.ones(4, 2));
        ShapeException e = assertThrows(ShapeException.class, () -> a.matMul(b));
        assertEquals("matMul: shapes [2, 3] and [4, 2] do not chain: A has 3 columns but B has 4 rows",
                e.getMessage());
    }
}
