package studio.backprop.ui.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.ui.export.PngExporter;

/** The weight box's words can be read in every theme (the dark theme's light text once sat on its white). */
@ExtendWith(ApplicationExtension.class)
class WeightEditorThemeTest {

    private WeightEditor editor;
    private Scene scene;

    @Start
    void start(Stage stage) {
        editor = new WeightEditor();
        editor.setManaged(true);
        StackPane root = new StackPane(editor);
        root.setPrefSize(320, 160);
        scene = new Scene(root);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void thePromptStandsOutFromTheBoxInTheLightAndTheDarkTheme(FxRobot robot) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> {
                scene.getStylesheets().setAll(css("base.css"), css(dark ? "dark.css" : "light.css"));
                editor.setDark(dark);
                editor.open("Weight x1 → h1 #2", "kernel", 1, 0.25f);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Label prompt = robot.lookup("#weight-prompt").queryAs(Label.class);
            Color text = (Color) prompt.getTextFill();
            Color box = (Color) editor.getBackground().getFills().get(0).getFill();
            double contrast = contrast(text, box);
            assertTrue(contrast >= 4.5, (dark ? "dark" : "light") + " theme: text " + text + " on " + box
                    + " has contrast " + contrast);
            robot.interact(() -> {
                try {
                    PngExporter.write(scene.getRoot(), Path.of("target", "screens",
                            "weight-editor-" + (dark ? "dark" : "light") + ".png"), 2, dark ? Color.BLACK
                            : Color.WHITE);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static String css(String name) {
        return WeightEditorThemeTest.class.getResource("/css/" + name).toExternalForm();
    }

    /** The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white). */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
