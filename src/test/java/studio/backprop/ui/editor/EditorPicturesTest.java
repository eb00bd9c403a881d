package studio.backprop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.backprop.spec.LayerSpec;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;

/** The canvas and the summary exported as pictures (written to target/ for a person to look at). */
@ExtendWith(ApplicationExtension.class)
class EditorPicturesTest {

    private EditorViewModel vm;
    private EditorView view;

    @Start
    void start(Stage stage) {
        vm = new EditorViewModel(Docs.conv());
        view = new EditorView(vm);
        stage.setScene(new Scene(view, 1260, 780));
        stage.show();
    }

    @Test
    void canvasAndSummaryExportAsPng(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.select("s2", false);
            vm.addLayer("Dropout");
            vm.addLayer("Conv2D", 420, 330);
            vm.select("c1", false);
        });
        Path canvas = Path.of("target", "editor-pictures", "network.png");
        Path summary = Path.of("target", "editor-pictures", "summary.png");
        Path whole = Path.of("target", "editor-pictures", "editor.png");
        robot.interact(() -> {
            try {
                PngExporter.write((Exportable) view.canvas(), canvas, 1, ExportBackground.WHITE);
                PngExporter.write((Exportable) view.summary(), summary, 1, ExportBackground.WHITE);
                PngExporter.write(view, whole, 1, Color.WHITE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(canvas) > 5_000 && Files.size(summary) > 2_000);
        assertEquals("network", view.canvas().exportName());
        assertEquals(7, view.summary().rows().size(), "input and six layers");
        assertEquals("28×28×6", view.canvas().shapeLabel("c1", "s2").getText());
    }

    @Test
    void aThirtyLayerChainCanBeEdited(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 30; i++) {
                vm.addLayer(i % 2 == 0 ? "Conv2D" : "BatchNormalization");
            }
        });
        robot.interact(() -> vm.changeSetting("conv2d_1", "filters", "4"));
        assertEquals("4", vm.document().layer("conv2d_1").setting("filters"));
        LayerSpec last = vm.document().layers().get(vm.document().layers().size() - 1);
        assertEquals(List.of(vm.document().layers().get(vm.document().layers().size() - 2).name()), last.inputs());
    }
}
