package studio.backprop.ui.editor;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * A short message on the editor canvas, beside the point where the pointer last let go: why a drop or a key was
 * refused, or what a wire drop replaced. It is where the eyes are, unlike the tool bar's message, which a narrow
 * window hides in its overflow menu. It fades after a few seconds; a click on it hides it at once.
 */
final class CanvasNotice extends Label {

    private static final PseudoClass REFUSAL = PseudoClass.getPseudoClass("refusal");
    private static final double MARGIN = 8;
    private static final double OFFSET = 14;

    private final PauseTransition wait = new PauseTransition(Duration.seconds(6));
    private final FadeTransition fade = new FadeTransition(Duration.millis(500), this);
    private double anchorX = Double.NaN;
    private double anchorY = Double.NaN;

    CanvasNotice() {
        getStyleClass().add("canvas-notice");
        setId("canvas-notice");
        setWrapText(true);
        setMaxWidth(380);
        setManaged(false);
        setVisible(false);
        wait.setOnFinished(e -> fade.playFromStart());
        fade.setFromValue(1);
        fade.setToValue(0);
        fade.setOnFinished(e -> setVisible(false));
        setOnMouseClicked(e -> {
            dismiss();
            e.consume();
        });
        setOnMousePressed(javafx.event.Event::consume);
    }

    /** Remembers where the pointer let go, in the canvas' coordinates; the next notice appears beside it. */
    void anchorAt(double x, double y) {
        anchorX = x;
        anchorY = y;
    }

    void show(EditorViewModel.Notice notice) {
        fade.stop();
        setText(notice.text());
        pseudoClassStateChanged(REFUSAL, notice.refusal());
        setOpacity(1);
        setVisible(true);
        wait.playFromStart();
        if (getParent() != null) {
            getParent().requestLayout();
        }
    }

    void dismiss() {
        wait.stop();
        fade.stop();
        setVisible(false);
    }

    /** Sizes the notice and places it below and right of its anchor, kept inside a canvas of this size. */
    void place(double width, double height) {
        double w = Math.min(prefWidth(-1), Math.min(getMaxWidth(), Math.max(60, width - 2 * MARGIN)));
        double h = prefHeight(w);
        double x = Double.isNaN(anchorX) ? (width - w) / 2 : anchorX + OFFSET;
        double y = Double.isNaN(anchorY) ? MARGIN : anchorY + OFFSET;
        x = Math.max(MARGIN, Math.min(x, width - w - MARGIN));
        y = Math.max(MARGIN, Math.min(y, height - h - MARGIN));
        resizeRelocate(x, y, w, h);
    }
}
