package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.init.Constant;
import studio.backprop.nn.init.Normal;
import studio.backprop.nn.init.Uniform;
import studio.backprop.tensor.Rng;

class InitializerSettingsTest {

    private static final String FILE = """
            backprop-studio network 1
            input = 4

            [layer hidden]
            type = Dense
            units = 50
            kernel_initializer = normal(0.1)
            bias_initializer = constant(0.2)

            [layer out]
            type = Dense
            units = 3
            kernel_initializer = uniform(-0.5, 0.5)
            bias_initializer = normal
            """;

    @Test
    void theThreeInitialisersTakeTheirNumbersFromTheText() {
        assertEquals(new Normal(0.1), InitializerText.parse("normal(0.1)"));
        assertEquals(new Uniform(-0.5, 0.5), InitializerText.parse(" uniform( -0.5 , 0.5 ) "));
        assertEquals(new Constant(0.2), InitializerText.parse("constant(0.2)"));
        assertEquals(new Normal(0.05), InitializerText.parse("normal"));
        assertEquals("he_normal", InitializerText.parse("He_Normal").name());
    }

    @Test
    void aFileWithNumberedInitialisersStartsItsWeightsFromThem() throws DocumentFormatException {
        Compilation c = DocumentCompiler.compile(DocumentFormat.read(FILE, "init.bps"));
        assertTrue(c.errors().isEmpty(), c.errors().toString());
        DocumentCompiler.initialise(c, new Rng(3));
        Parameter kernel = parameter(c, "hidden", "kernel");
        Parameter bias = parameter(c, "hidden", "bias");
        for (float v : bias.value().toArray()) {
            assertEquals(0.2f, v);
        }
        float[] k = kernel.value().toArray();
        double sumSq = 0;
        for (float v : k) {
            sumSq += v * v;
        }
        assertEquals(0.1, Math.sqrt(sumSq / k.length), 0.01, "σ of 200 draws of normal(0.1)");
        for (float v : parameter(c, "out", "kernel").value().toArray()) {
            assertTrue(v >= -0.5f && v < 0.5f, "uniform(-0.5, 0.5) gave " + v);
        }
    }

    @Test
    void theTextIsSavedBackAsItWasWritten() throws DocumentFormatException {
        NetworkDocument doc = DocumentFormat.read(FILE, "init.bps");
        String saved = DocumentFormat.write(doc);
        assertTrue(saved.contains("kernel_initializer = normal(0.1)"), saved);
        assertTrue(saved.contains("kernel_initializer = uniform(-0.5, 0.5)"), saved);
        assertTrue(saved.contains("bias_initializer = constant(0.2)"), saved);
        assertEquals(doc, DocumentFormat.read(saved, "again.bps"));
    }

    @Test
    void badNumbersAreRefusedInWordsOnTheLayer() throws DocumentFormatException {
        assertProblem("normal(-0.1)", "σ is a standard deviation and cannot be negative");
        assertProblem("uniform(0.5, -0.5)", "the low end a = 0.5 is above the high end b = -0.5; swap them");
        assertProblem("uniform(0.5)", "uniform takes 2 numbers (low, high), not 1");
        assertProblem("constant(abc)", "constant: 'abc' is not a finite number");
        assertProblem("normal(0.1", "misses its closing bracket");
        assertProblem("he_normal(2)", "he_normal takes no numbers");
        assertProblem("gaussian(1)", "'gaussian(1)' is not an initialiser");
        assertProblem("constant(Infinity)", "is not a finite number");
    }

    private static void assertProblem(String text, String expected) throws DocumentFormatException {
        NetworkDocument doc = DocumentFormat.read(FILE.replace("normal(0.1)", text), "bad.bps");
        List<String> problems = LayerCatalog.problems(doc.layer("hidden"));
        assertEquals(1, problems.size(), problems.toString());
        String p = problems.get(0);
        assertTrue(p.startsWith("Dense 'hidden', kernel_initializer: ") && p.contains(expected), p);
        assertTrue(DocumentCompiler.compile(doc).errors().stream().anyMatch(e -> e.message().contains(expected)));
    }

    private static Parameter parameter(Compilation c, String layer, String role) {
        return c.network().parameters().stream().filter(p -> p.layer().equals(layer) && p.role().equals(role))
                .findFirst().orElseThrow();
    }
}
