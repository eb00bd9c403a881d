package studio.backprop.ui.stepper;

import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import studio.backprop.train.StepRecord;

/** Placeholder: convolution and pooling stages drawn as grids. */
final class WindowSketch {

    private WindowSketch() {
    }

    static boolean draws(StepRecord r, StepStage s) {
        return false;
    }

    static void draw(GraphicsContext g, double w, double h, StepRecord r, StepStage s, int digits,
                     Map<String, Integer> focus) {
    }
}
