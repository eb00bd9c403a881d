package studio.backprop.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.backprop.train.StepRecord;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;
import studio.backprop.ui.stepper.StepStage.Phase;

/** The update stage writes each weight's old value, its step and its new value on its edge of the drawing. */
@ExtendWith(ApplicationExtension.class)
class StepperEdgeLabelsTest {

    private final NetworkSketch sketch = new NetworkSketch();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(sketch), 560, 380));
        stage.show();
    }

    private static StepStage stage(StepRecord r, Phase phase, String node) {
        return StepStages.of(r, 6).stream().filter(s -> s.phase() == phase && s.node().equals(node)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + phase + " " + node));
    }

    @Test
    void theTwoTwoTwoUpdateWritesOldStepAndNewOnEveryEdgeOfTheLayer() throws Exception {
        StepRecord r = StepMathTest.step("exercise-backprop-2-2-2.bps");
        StepStage update = stage(r, Phase.UPDATE, "output/kernel");
        List<EdgeLabels.Label> labels = EdgeLabels.of(r, update, 6, Map.of());
        assertEquals(4, labels.size());
        EdgeLabels.Label first = labels.get(0);
        assertEquals(List.of("hidden", 0, "output", 0), List.of(first.from(), first.fromUnit(), first.to(),
                first.toUnit()));
        // the same numbers as the formula panel: w₁₁′ = 0.4 − 0.5·0.082167 = 0.358916
        assertEquals("0.4 − 0.0410835 = 0.358916", first.text());
        float[] before = r.before().get("output/kernel").values();
        float[] after = r.after().get("output/kernel").values();
        float[] grad = r.gradients().get("output/kernel").values();
        for (EdgeLabels.Label l : labels) {
            int k = l.fromUnit() * 2 + l.toUnit();
            double step = r.learningRate() * grad[k];
            assertEquals(StepNumbers.of(before[k], 6) + (step < 0 ? " + " : " − ") + StepNumbers.of(Math.abs(step), 6)
                    + " = " + StepNumbers.of(after[k], 6), l.text());
        }
        assertEquals(4, EdgeLabels.of(r, stage(r, Phase.UPDATE, "hidden/kernel"), 6, Map.of()).stream()
                .filter(l -> l.from().equals("input")).count());
        assertTrue(EdgeLabels.of(r, stage(r, Phase.UPDATE, "output/bias"), 6, Map.of()).isEmpty());
        assertTrue(EdgeLabels.of(r, stage(r, Phase.FORWARD, "hidden/z"), 6, Map.of()).isEmpty());
    }

    @Test
    void aStepThatIsNotPlainGradientDescentWritesTheRecordsDifference() {
        assertEquals("0.4 + 0.1 = 0.5", EdgeLabels.text(0.4, 0.5, 0.02, 0.5, 6));
        assertEquals("0.4 − 0.01 = 0.39", EdgeLabels.text(0.4, 0.39, 0.02, 0.5, 6));
    }

    @Test
    void theDrawingWritesEveryLabelWithoutOverlapsAndExportsIt(FxRobot robot) throws Exception {
        StepRecord r = StepMathTest.step("exercise-backprop-2-2-2.bps");
        for (String kernel : List.of("hidden/kernel", "output/kernel")) {
            StepStage update = stage(r, Phase.UPDATE, kernel);
            robot.interact(() -> sketch.show(r, update, 6, Map.of()));
            Path png = Path.of("target", "screens", "stepper-2-2-2-update-" + kernel.replace('/', '-') + ".png");
            Files.createDirectories(png.getParent());
            robot.interact(() -> {
                try {
                    PngExporter.write(sketch, png, 2, ExportBackground.WHITE);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(Files.size(png) > 5_000, png.toString());
            List<EdgeLabelPainter.Placed> placed = sketch.edgeLabels();
            Set<String> expected = EdgeLabels.of(r, update, 6, Map.of()).stream().map(EdgeLabels.Label::text)
                    .collect(Collectors.toSet());
            assertEquals(expected, placed.stream().map(EdgeLabelPainter.Placed::text).collect(Collectors.toSet()),
                    kernel);
            for (int i = 0; i < placed.size(); i++) {
                for (int j = i + 1; j < placed.size(); j++) {
                    assertFalse(placed.get(i).box().intersects(placed.get(j).box()), placed.get(i) + " / "
                            + placed.get(j));
                }
            }
        }
        robot.interact(() -> sketch.show(r, stage(r, Phase.BACKWARD, "output/z"), 6, Map.of()));
        assertTrue(sketch.edgeLabels().isEmpty());
    }

    @Test
    void aFoldedWideLayerLabelsOnlyTheEdgesOfTheBlockShown(FxRobot robot) throws Exception {
        Path file = Path.of("samples", "mnist-mlp-784-128-64-10.bps");
        var doc = studio.backprop.spec.DocumentFormat.read(Files.readString(file), file.getFileName().toString());
        var loop = new studio.backprop.train.TrainingLoop(studio.backprop.spec.DocumentCompiler.compile(doc),
                studio.backprop.train.DataResolver.resolve(doc, file.toAbsolutePath().getParent(), false,
                        new int[] {2}));
        loop.setRecording(true);
        loop.stepSample();
        StepRecord r = loop.lastRecord();
        Map<String, Integer> focus = Map.of("h1", 40, "input", 300);
        StepStage update = stage(r, Phase.UPDATE, "h1/kernel");
        List<EdgeLabels.Label> labels = EdgeLabels.of(r, update, 6, focus);
        assertEquals(16, labels.size());
        for (EdgeLabels.Label l : labels) {
            assertTrue(l.from().equals("input") && l.fromUnit() >= 300 && l.fromUnit() < 304, l.toString());
            assertTrue(l.to().equals("h1") && l.toUnit() >= 40 && l.toUnit() < 44, l.toString());
        }
        robot.interact(() -> sketch.show(r, update, 6, focus));
        List<EdgeLabelPainter.Placed> placed = sketch.edgeLabels();
        assertFalse(placed.isEmpty());
        Set<String> texts = labels.stream().map(EdgeLabels.Label::text).collect(Collectors.toSet());
        for (int i = 0; i < placed.size(); i++) {
            assertTrue(texts.contains(placed.get(i).text()), placed.get(i).text());
            for (int j = i + 1; j < placed.size(); j++) {
                assertFalse(placed.get(i).box().intersects(placed.get(j).box()));
            }
        }
        Path png = Path.of("target", "screens", "stepper-mnist-update-h1-kernel.png");
        Files.createDirectories(png.getParent());
        robot.interact(() -> {
            try {
                PngExporter.write(sketch, png, 1, ExportBackground.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
