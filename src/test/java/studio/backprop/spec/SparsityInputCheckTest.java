package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sparse autoencoder's KL penalty needs a code in (0, 1): any other code is refused in words when compiled. */
class SparsityInputCheckTest {

    private static NetworkDocument sparse(String codeActivation) throws Exception {
        String text = Files.readString(Path.of("samples", "sparse-autoencoder-digits.bps"));
        return DocumentFormat.read(text.replaceFirst("activation = sigmoid", codeActivation == null ? ""
                : "activation = " + codeActivation), "sparse.bps");
    }

    private static List<Problem> sparsityProblems(NetworkDocument doc) {
        return DocumentCompiler.compile(doc).problems().stream().filter(p -> p.subject().equals("sparsity")).toList();
    }

    @Test
    void theSigmoidCodeOfTheSampleIsAccepted() throws Exception {
        assertEquals(List.of(), sparsityProblems(sparse("sigmoid")));
        assertTrue(DocumentCompiler.compile(sparse("sigmoid")).trainable());
    }

    @Test
    void aReluOrLinearCodeIsRefusedNamingTheLayerAndTheFix() throws Exception {
        for (String activation : new String[] {"relu", "tanh", null}) {
            List<Problem> problems = sparsityProblems(sparse(activation));
            assertEquals(1, problems.size(), String.valueOf(activation));
            Problem p = problems.get(0);
            assertTrue(p.error());
            String shown = activation == null ? "linear" : activation;
            assertTrue(p.message().contains("reads 'code', whose activation is " + shown)
                    && p.message().contains("between 0 and 1") && p.message().endsWith("set activation = sigmoid "
                    + "on 'code'"), p.message());
            assertTrue(!DocumentCompiler.compile(sparse(activation)).trainable());
        }
    }

    @Test
    void anActivationLayerOrTheInputItselfIsCheckedToo() throws Exception {
        NetworkDocument doc = sparse("linear").withLayer(new LayerSpec("squash", "Activation",
                java.util.Map.of("function", "relu"), List.of("code"), 0, 0));
        LayerSpec penalty = doc.layers().stream().filter(l -> l.name().equals("sparsity")).findFirst().orElseThrow();
        doc = doc.withReplaced("sparsity", new LayerSpec("sparsity", penalty.type(), penalty.settings(),
                List.of("squash"), 0, 0));
        Problem p = sparsityProblems(doc).get(0);
        assertTrue(p.message().contains("whose activation is relu") && p.message().endsWith("set function = sigmoid "
                + "on 'squash'"), p.message());
        NetworkDocument sigmoid = doc.withReplaced("squash", new LayerSpec("squash", "Activation",
                java.util.Map.of("function", "sigmoid"), List.of("code"), 0, 0));
        assertEquals(List.of(), sparsityProblems(sigmoid));
    }
}
