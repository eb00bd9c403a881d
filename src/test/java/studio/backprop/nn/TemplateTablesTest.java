package studio.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.tensor.MemoryBudget;

/** The architecture templates' summary tables: shapes, parameters and multiply-adds, against the published totals. */
class TemplateTablesTest {

    private static Compilation open(String sample) throws Exception {
        Path file = Path.of("samples", sample + ".bps");
        return DocumentCompiler.compile(DocumentFormat.read(Files.readString(file), file.getFileName().toString()));
    }

    private static ModelSummary summary(Compilation c) {
        return ModelSummary.of(c.network());
    }

    @Test
    void alexNetHasItsPublished62378344ParametersAnd1Point1BillionMultiplyAdds() throws Exception {
        Compilation c = open("alexnet");
        ModelSummary s = summary(c);
        assertEquals(62_378_344, s.total());
        assertEquals(34_944, s.row("conv1").total());
        assertEquals("[55, 55, 96]", java.util.Arrays.toString(s.row("conv1").outputShape()));
        assertEquals("[6, 6, 256]", java.util.Arrays.toString(s.row("pool5").outputShape()));
        Map<String, Long> macs = MultiplyAdds.of(c.network());
        assertEquals(105_415_200L, macs.get("conv1"));
        assertEquals(1_135_256_096L, MultiplyAdds.total(macs));
        long convParams = 0;
        long convMacs = 0;
        for (String conv : new String[] {"conv1", "conv2", "conv3", "conv4", "conv5"}) {
            convParams += s.row(conv).total();
            convMacs += macs.get(conv);
        }
        assertEquals(6, Math.round(100.0 * convParams / s.total()), "the course: 6% of the parameters");
        assertEquals(95, Math.round(100.0 * convMacs / MultiplyAdds.total(macs)), "and 95% of the computation");
        assertTrue(s.format(macs).contains("Multiply-adds per sample: 1,135,256,096"), s.format(macs));
    }

    @Test
    void vgg16HasItsPublished138357544Parameters() throws Exception {
        Compilation c = open("vgg16");
        assertEquals(138_357_544, summary(c).total());
        assertEquals(15_470_264_320L, MultiplyAdds.total(MultiplyAdds.of(c.network())));
        assertEquals(24, c.document().layers().size());
    }

    @Test
    void templatesTooLargeToTrainSayItIsMemoryInWords() throws Exception {
        for (String big : new String[] {"alexnet", "vgg16"}) {
            Compilation c = open(big);
            if (MemoryBudget.bytes() < 2_400_000_000L) {
                assertFalse(c.trainable(), big);
                assertTrue(c.whyNotTrainable().contains("GB"), c.whyNotTrainable());
            }
        }
    }

    @Test
    void lenetClassicKerasCnnVggStyleAndResidualBlockTables() throws Exception {
        Compilation lenet = open("lenet5-classic");
        ModelSummary s = summary(lenet);
        assertEquals(61_706, s.total());
        assertEquals(48_120, s.row("c5").total());
        assertEquals(416_520L, MultiplyAdds.total(MultiplyAdds.of(lenet.network())));
        assertTrue(lenet.trainable(), lenet.whyNotTrainable());
        assertEquals(34_826, summary(open("keras-cnn-34826")).total());
        assertEquals(117_434, summary(open("vgg-style-digits")).total());
        Compilation res = open("residual-block-digits");
        assertEquals(12_650, summary(res).total());
        assertTrue(res.trainable(), res.whyNotTrainable());
    }

    @Test
    void aTransposedConvolutionCountsOneMultiplyAddPerWeightAtEveryInputPixel() {
        Network n = Network.builder(4, 4, 2).add(new studio.backprop.nn.layers.Conv2DTranspose("up", 3, 3, 2,
                studio.backprop.nn.layers.Padding.SAME, 0, true, Activation.LINEAR)).build();
        assertEquals(4L * 4 * 3 * 3 * 2 * 3, MultiplyAdds.of(n).get("up"));
    }
}
