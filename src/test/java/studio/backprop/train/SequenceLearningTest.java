package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.Tensor;

/**
 * End-to-end learning with the sequence templates in samples/: each trains as its file says (seeded) and must
 * reach a held-out quality only real learning gives.
 */
class SequenceLearningTest {

    @Test
    void theRnnPredictsTheNextValueOfANoisySine() throws Exception {
        Run run = train("rnn-sine.bps");
        // Predicting 0 everywhere gives about 0.5 (the variance of a sine); the noise alone is 0.05² = 0.0025.
        assertTrue(run.validation[0] < 0.01, "validation MSE " + run.validation[0]);
    }

    @Test
    void theLstmLearnsTheDelayedCopy() throws Exception {
        Run run = train("lstm-delayed-copy.bps");
        Tensor out = run.loop.predict(run.data.validX());
        float[] p = out.buffer();
        float[] y = run.data.validY().buffer();
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (p[i] >= 0.5f) == (y[i] >= 0.5f) ? 1 : 0;
        }
        // Guessing gives half the bits; without memory at most the two leading zeros are sure.
        assertTrue(right > 0.99 * p.length, right + " of " + p.length + " bits copied");
    }

    @Test
    void theTransformerSortsFourTokens() throws Exception {
        Run run = train("transformer-sort.bps");
        // Whole sequences right: every one of the 4 steps names the correct token out of 10.
        assertTrue(run.validation[1] > 0.9, "validation sequence accuracy " + run.validation[1]);
    }

    private record Run(TrainingLoop loop, TrainingData data, float[] validation) {
    }

    private static Run train(String file) throws Exception {
        NetworkDocument doc = DocumentFormat.read(Files.readString(Path.of("samples", file)), file);
        Compilation c = DocumentCompiler.compile(doc);
        assertTrue(c.problems().stream().noneMatch(p -> p.error()), file + ": " + c.problems());
        TrainingData data = DataResolver.resolve(doc, Path.of("samples"), false, c.network().outputShape());
        TrainingLoop loop = new TrainingLoop(c, data);
        while (!loop.finished()) {
            loop.stepEpoch();
        }
        return new Run(loop, data, loop.evaluate(data.validX(), data.validY()));
    }
}
