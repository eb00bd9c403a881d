package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import studio.backprop.nn.ModelSummary;

/** Settings and shapes that would overflow, exhaust memory or the stack are problems in words. */
class HostileDocumentsTest {

    private static final String HEAD = "backprop-studio network 1\nname = n\n";

    private static Compilation compile(String text) throws DocumentFormatException {
        return DocumentCompiler.compile(DocumentFormat.read(text, "n.bps"));
    }

    private static String conv(String settings) {
        return HEAD + "input = 28x28x1\n[layer c]\ntype = Conv2D\nfilters = 2\n" + settings
                + "\n[layer f]\ntype = Flatten\n[layer out]\ntype = Dense\nunits = 10\n[loss mse]\n";
    }

    @Test
    void aHugeKernelOrPaddingIsOutOfRangeNotANegativeParameterCount() throws DocumentFormatException {
        Compilation c = compile(conv("kernel = 2147483647"));
        assertFalse(c.trainable());
        assertTrue(c.whyNotTrainable().contains("kernel: '2147483647' is not a size; write a number from 1 to 1024"),
                c.whyNotTrainable());
        c = compile(conv("kernel = 3\npadding = 2147483647"));
        assertFalse(c.trainable());
        assertTrue(c.whyNotTrainable().contains("padding: '2147483647' is not a padding"), c.whyNotTrainable());
    }

    @Test
    void theWholeNetworksMemoryIsCheckedNotOneTensorAtATime() throws DocumentFormatException {
        String dense = HEAD + "input = 2\n[layer a]\ntype = Dense\nunits = 100000\n[layer b]\ntype = Dense\n"
                + "units = 100000\n[layer out]\ntype = Dense\nunits = 1\n[loss mse]\n";
        Compilation c = compile(dense);
        assertFalse(c.trainable());
        assertTrue(c.whyNotTrainable().contains("training this network (10,000,500,001 parameters"),
                c.whyNotTrainable());
        long twoOf5000 = MemoryEstimate.bytes(new int[] {2}, compile(dense.replace("100000", "5000")).shapes(), 10);
        assertTrue(twoOf5000 >= 25_000_000L * 4 * 4, "parameters, gradients and two optimiser buffers: "
                + twoOf5000);
    }

    @Test
    void aFullBatchIsCheckedOnceTheNumberOfSamplesIsKnown() throws DocumentFormatException {
        String net = HEAD + "input = 784\n[layer h]\ntype = Dense\nunits = 1000\n[layer out]\ntype = Dense\n"
                + "units = 10\n[loss mse]\n[training]\nbatch_size = full\n";
        Compilation c = compile(net);
        assertTrue(c.trainable(), c.whyNotTrainable());
        assertEquals(null, DocumentCompiler.memoryProblem(c, 100));
        String problem = DocumentCompiler.memoryProblem(c, 100_000_000);
        assertTrue(problem != null && problem.contains("a batch of 100000000"), problem);
        assertEquals(null, DocumentCompiler.memoryProblem(compile(net.replace("full", "32")), 100_000_000));
    }

    @Test
    void tenThousandLayersInReverseFileOrderAreOrderedAndMoreAreRefused() throws DocumentFormatException {
        StringBuilder text = new StringBuilder(HEAD + "input = 2\n");
        for (int i = DocumentCompiler.MAX_LAYERS; i >= 1; i--) {
            text.append("[layer l").append(i).append("]\ntype = Dense\nunits = 2\ninputs = ")
                    .append(i == 1 ? "input" : "l" + (i - 1)).append('\n');
        }
        Compilation c = compile(text + "[loss mse]\n");
        assertTrue(c.trainable(), c.whyNotTrainable());
        assertEquals("l1", c.network().nodes().get(0).name());
        assertEquals("l" + DocumentCompiler.MAX_LAYERS, c.network().nodes().get(DocumentCompiler.MAX_LAYERS - 1)
                .name());
        c = compile(text + "[layer extra]\ntype = Dense\n[loss mse]\n");
        assertTrue(c.whyNotTrainable().contains("the network has 10001 layers; at most 10000"), c.whyNotTrainable());
    }

    @Test
    void aValueOfAHundredThousandLinesIsReadWhole() throws DocumentFormatException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            rows.append("  ").append(i % 2).append(", 1 -> ").append(i % 2).append('\n');
        }
        NetworkDocument doc = DocumentFormat.read(HEAD + "input = 2\n[data inline]\nrows =\n" + rows
                + "[loss mse]\n", "n.bps");
        assertEquals(100_000, doc.data().get("rows").split("\n").length);
        assertEquals("1, 1 -> 1", doc.data().get("rows").split("\n")[99_999]);
    }

    @Test
    void fileOrderDecidesAmongLayersReadyAtOnce() throws DocumentFormatException {
        Compilation c = compile(HEAD + "input = 2\n[layer b]\ntype = Dense\ninputs = a\n[layer a]\ntype = Dense\n"
                + "inputs = input\n[layer c]\ntype = Dense\ninputs = input\n[layer out]\ntype = Add\n"
                + "inputs = b, c\n[loss mse]\n");
        assertEquals(java.util.List.of("a", "c", "b", "out"), c.network().nodes().stream().map(n -> n.name())
                .toList(), "a scan finds a and c; b waits for the next scan, as before");
    }

    @Test
    void shapesTooLargeForOneSampleAreProblemsNotOverflows() throws DocumentFormatException {
        Compilation c = compile(HEAD + "input = 100000x100000x4\n[layer f]\ntype = Flatten\n[layer out]\n"
                + "type = Dense\nunits = 1\n[loss mse]\n");
        assertFalse(c.trainable());
        assertTrue(c.whyNotTrainable().contains("more values than one sample can hold"), c.whyNotTrainable());
        assertTrue(ModelSummary.of(compile(conv("kernel = 3")).network()).total() > 0);
    }

    @Test
    void weightsNestedThousandsDeepAreRefusedWithoutOverflowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        DocumentFormatException e = assertThrows(DocumentFormatException.class, () -> DocumentFormat.read(HEAD
                + "input = 2\n[layer h]\ntype = Dense\nunits = 2\n[weights h]\nkernel = " + deep + "\n", "n.bps"));
        assertTrue(e.getMessage().startsWith("n.bps, line 8: weights of 'h', kernel: lists are nested more than"),
                e.getMessage());
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsAccepted() throws DocumentFormatException {
        assertEquals("n", DocumentFormat.read("\uFEFF" + HEAD + "input = 2\n", "n.bps").name());
    }

    @Test
    void positionsThatCannotBeWrittenAreClampedOrDroppedSoTheNetworkSavesAgain() throws DocumentFormatException {
        for (String position : new String[] {"NaN, Infinity", "1e400, 0", "-Infinity, 1e300"}) {
            NetworkDocument doc = DocumentFormat.read(HEAD + "input = 2\n[layer h]\ntype = Dense\nposition = "
                    + position + "\n", "n.bps");
            String saved = DocumentFormat.write(doc);
            LayerSpec again = DocumentFormat.read(saved, "n.bps").layers().get(0);
            assertTrue(Double.isFinite(again.x()) && Double.isFinite(again.y()), saved);
        }
    }

    @Test
    void aLongOrControlCharacterLineIsQuotedAsAShortSafeExcerpt() {
        String noise = "\u001b[31m" + "x".repeat(5_000_000);
        DocumentFormatException e = assertThrows(DocumentFormatException.class,
                () -> DocumentFormat.read(HEAD + "input = 2\n" + noise + "\n", "n.bps"));
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
        assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
    }
}
