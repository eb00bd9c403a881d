package studio.backprop.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.stepper.StepStage.Phase;
import studio.backprop.ui.stepper.UnitFold.Row;

/** A wide layer folds into a block of units, summary rows and its last unit; the table and the maths follow it. */
class UnitFoldTest {

    private static String describe(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            sb.append(sb.length() == 0 ? "" : " ").append(r.fold() ? "…" + r.hidden() + "→" + (r.opens() + 1)
                    : Integer.toString(r.unit() + 1));
        }
        return sb.toString();
    }

    @Test
    void aNarrowLayerIsDrawnWhole() {
        UnitFold fold = new UnitFold(10, 0);
        assertFalse(fold.folded());
        assertEquals("1 2 3 4 5 6 7 8 9 10", describe(fold.rows()));
        assertArrayEquals(new int[] {0, 1, 2, 3}, fold.shown(), "the maths writes a block even so");
        assertEquals("1 2", describe(new UnitFold(2, 5).rows()));
        assertArrayEquals(new int[] {0, 1}, new UnitFold(2, 5).shown());
    }

    @Test
    void aWideLayerShowsItsFirstUnitsAFoldAndItsLastUnit() {
        assertEquals("1 2 3 4 …123→5 128", describe(new UnitFold(128, 0).rows()));
        assertEquals("units 1–4 of 128", new UnitFold(128, 0).range());
    }

    @Test
    void drillingDownOpensTheBlockAFoldStandsFor() {
        UnitFold middle = new UnitFold(128, 40);
        assertEquals("…40→37 41 42 43 44 …83→45 128", describe(middle.rows()));
        assertEquals("units 41–44 of 128", middle.range());
        assertEquals(44, middle.move(1).start());
        assertEquals(36, middle.move(-1).start());
        assertEquals("…124→121 125 126 127 128", describe(new UnitFold(128, 500).rows()), "kept inside the layer");
        assertEquals("…123→120 124 125 126 127 128", describe(new UnitFold(128, 123).rows()),
                "the block next to the last unit needs no fold after it");
        assertEquals(0, new UnitFold(784, -8).start());
        int drawn = new UnitFold(784, 300).rows().size();
        assertTrue(drawn <= 7, "however wide the layer, a handful of rows: " + drawn);
    }

    @Test
    void theMnistNetworkStepsWithTheTableAndTheMathsFollowingTheChosenBlock() throws Exception {
        Path file = Path.of("samples", "mnist-mlp-784-128-64-10.bps");
        NetworkDocument doc = DocumentFormat.read(Files.readString(file), file.getFileName().toString());
        TrainingLoop loop = new TrainingLoop(DocumentCompiler.compile(doc), DataResolver.resolve(doc,
                file.toAbsolutePath().getParent(), false, new int[] {2}));
        loop.setRecording(true);
        loop.stepSample();
        StepRecord r = loop.lastRecord();
        assertEquals(784, StepStages.unitsOf(r, "input"));
        assertEquals(128, StepStages.unitsOf(r, "h1"));
        assertEquals(10, StepStages.unitsOf(r, "logits"));

        Map<String, Integer> focus = Map.of("h1", 40, "input", 300);
        List<StepStage> stages = StepStages.of(r, 6, focus);
        StepStage relu = stages.stream().filter(s -> s.phase() == Phase.FORWARD && s.layer().equals("h1"))
                .reduce((a, b) -> b).orElseThrow();
        float[] a = r.node(relu.node()).value().values();
        assertTrue(relu.numbers().endsWith("units 41–44 of 128: [" + StepNumbers.of(a[40], 6) + ", "
                + StepNumbers.of(a[41], 6) + ", " + StepNumbers.of(a[42], 6) + ", " + StepNumbers.of(a[43], 6)
                + "]"), relu.numbers());

        StepStage matMul = stages.stream().filter(s -> s.node().equals("h1/matMul")).findFirst().orElseThrow();
        List<String> lines = StepMath.of(r, matMul, 6, focus);
        float[] z = r.node("h1/matMul").value().values();
        assertTrue(lines.get(0).startsWith("(xW)₄₁ = x₁·w₁,₄₁ + x₂·w₂,₄₁ + x₃·w₃,₄₁ + … + x₇₈₄·w₇₈₄,₄₁ (784 terms)"),
                lines.get(0));
        assertTrue(lines.get(0).endsWith(" = " + StepNumbers.of(z[40], 6)), "the record's own sum: " + lines.get(0));
        assertEquals(5, lines.size(), "four units and a line that says which: " + lines);
        assertTrue(lines.get(4).contains("41–44 of 128"), lines.get(4));

        StepStage update = stages.stream().filter(s -> s.node().equals("h1/kernel") && s.phase() == Phase.UPDATE)
                .findFirst().orElseThrow();
        List<String> updated = StepMath.of(r, update, 6, focus);
        assertTrue(updated.get(0).startsWith("w₃₀₁,₄₁′ = "), "the weight from input 301 to unit 41: " + updated);
    }
}
