package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The output layer checked against the data: one output per class, softmax for probabilities, the layer named. */
class OutputCheckTest {

    private static Compilation digits(String units, String activation, String loss) throws Exception {
        return DocumentCompiler.compile(DocumentFormat.read("backprop-studio network 1\ninput = 784\n\n"
                + "[layer hidden]\ntype = Dense\nunits = 16\nactivation = relu\n\n[layer scores]\ntype = Dense\n"
                + "units = " + units + "\nactivation = " + activation + "\n\n[loss " + loss + "]\n\n"
                + "[optimizer sgd]\n\n[training]\nbatch_size = 32\n\n[data mnist]\n", "t.bps"));
    }

    private static List<Problem> about(Compilation c, String layer) {
        return c.problems().stream().filter(p -> p.subject().equals(layer)).toList();
    }

    @Test
    void tenDigitsNeedTenOutputsAndTheMessageNamesTheLayer() throws Exception {
        Compilation c = digits("4", "softmax", "categorical_cross_entropy");
        List<Problem> p = about(c, "scores");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).error());
        assertTrue(p.get(0).message().contains("'scores' has 4 outputs but the digits have 10 classes")
                && p.get(0).message().contains("units = 10"), p.get(0).message());
        assertTrue(about(digits("10", "softmax", "categorical_cross_entropy"), "scores").isEmpty());
        assertTrue(about(digits("10", "linear", "categorical_cross_entropy_from_logits"), "scores").isEmpty());
    }

    @Test
    void probabilitiesNeedASoftmaxAndLogitsMustNotGetOne() throws Exception {
        Problem relu = about(digits("10", "relu", "categorical_cross_entropy"), "scores").get(0);
        assertTrue(relu.error() && relu.message().contains("ends in relu")
                && relu.message().contains("set activation = softmax on 'scores'"), relu.message());
        Problem twice = about(digits("10", "softmax", "categorical_cross_entropy_from_logits"), "scores").get(0);
        assertTrue(!twice.error() && twice.message().contains("applies it again"), twice.message());
    }

    @Test
    void aYesNoLossOnTenClassesPointsToCategoricalCrossEntropy() throws Exception {
        Problem p = about(digits("1", "sigmoid", "binary_cross_entropy"), "scores").get(0);
        assertTrue(p.message().contains("use categorical_cross_entropy with 10 outputs"), p.message());
    }
}
