package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import studio.backprop.nn.generative.PartialForward;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.Tensor;

/** The autoencoder templates learn on the digits: stated bounds on what they reconstruct and decode. */
class GenerativeEndToEndTest {

    private static final Path SAMPLES = Path.of("samples");

    static TrainingLoop loop(String file, int digits) throws Exception {
        String text = Files.readString(SAMPLES.resolve(file)).replace("[data mnist]", "[data mnist]\ncount = "
                + digits);
        NetworkDocument doc = DocumentFormat.read(text, file);
        Compilation c = DocumentCompiler.compile(doc);
        return new TrainingLoop(c, DataResolver.resolve(doc, SAMPLES, false, c.network().outputShape()));
    }

    @Test
    void theDenseAutoencodersReconstructionLossFallsBelowTheBound() throws Exception {
        TrainingLoop loop = loop("autoencoder-digits.bps", 2000);
        float before = loop.evaluate(loop.data().validX(), loop.data().validY())[0];
        for (int i = 0; i < 150; i++) {
            loop.stepBatch();
        }
        float after = loop.evaluate(loop.data().validX(), loop.data().validY())[0];
        assertTrue(after < 0.2f, "validation BCE after 150 steps on 1,800 digits: " + after + " (was " + before + ")");
    }

    @Test
    void theVaesDecodedGridChangesSmoothly() throws Exception {
        TrainingLoop loop = loop("vae-digits.bps", 2000);
        for (int i = 0; i < 300; i++) {
            loop.stepBatch();
        }
        int side = 9;
        float[] z = new float[side * side * 2];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                z[2 * (r * side + c)] = -2f + 4f * c / (side - 1);
                z[2 * (r * side + c) + 1] = -2f + 4f * r / (side - 1);
            }
        }
        float[] images = PartialForward.decode(loop.network(), "z", Tensor.of(z, side * side, 2)).toArray();
        double worstNeighbour = 0;
        double far = 0;
        int farPairs = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int at = r * side + c;
                if (c + 1 < side) {
                    worstNeighbour = Math.max(worstNeighbour, rms(images, at, at + 1));
                }
                if (r + 1 < side) {
                    worstNeighbour = Math.max(worstNeighbour, rms(images, at, at + side));
                }
                far += rms(images, at, side * side - 1 - at);
                farPairs++;
            }
        }
        far /= farPairs;
        assertTrue(far > 0.1, "decodes across the plane differ: mean RMS " + far);
        assertTrue(worstNeighbour < 0.6 * far, "neighbouring decodes (0.5 apart) differ by at most RMS "
                + worstNeighbour + ", opposite ones by " + far + " on average");
    }

    private static double rms(float[] images, int a, int b) {
        double s = 0;
        for (int i = 0; i < 784; i++) {
            double d = images[a * 784 + i] - images[b * 784 + i];
            s += d * d;
        }
        return Math.sqrt(s / 784);
    }
}
