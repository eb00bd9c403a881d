package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import studio.backprop.nn.optim.AdaDelta;
import studio.backprop.nn.optim.Sgd;

/** [optimizer adadelta] and the nesterov = true setting, as a file gives them. */
class AdaDeltaAndNesterovFromFilesTest {

    @Test
    void adadeltaHasThePapersDefaultsAndTakesRhoAndEpsilon() {
        AdaDelta plain = assertInstanceOf(AdaDelta.class, DocumentCompiler.optimizer(ComponentSpec.of("adadelta")));
        assertEquals(1.0, plain.learningRate());
        assertEquals(0.95, plain.rho());
        assertEquals(1e-6, plain.epsilon());
        AdaDelta tuned = (AdaDelta) DocumentCompiler.optimizer(ComponentSpec.of("adadelta").with("rho", "0.9")
                .with("epsilon", "1e-7").with("learning_rate", "0.001"));
        assertEquals(0.9, tuned.rho());
        assertEquals(1e-7, tuned.epsilon());
        assertEquals(0.001, tuned.learningRate());
    }

    @Test
    void nesterovIsASettingOfSgdAndMomentum() {
        Sgd sgd = (Sgd) DocumentCompiler.optimizer(ComponentSpec.of("sgd").with("nesterov", "true"));
        assertTrue(sgd.isNesterov());
        assertEquals(0.9, sgd.momentum(), "Nesterov without a momentum would be plain SGD, so μ defaults to 0.9");
        Sgd momentum = (Sgd) DocumentCompiler.optimizer(ComponentSpec.of("momentum").with("nesterov", "true")
                .with("momentum", "0.5"));
        assertTrue(momentum.isNesterov());
        assertEquals(0.5, momentum.momentum());
        assertFalse(((Sgd) DocumentCompiler.optimizer(ComponentSpec.of("momentum"))).isNesterov());
        assertTrue(((Sgd) DocumentCompiler.optimizer(ComponentSpec.of("nesterov"))).isNesterov());
    }
}
