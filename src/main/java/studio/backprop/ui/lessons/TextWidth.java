package studio.backprop.ui.lessons;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** The width a string takes in a font, for laying out canvas text. */
final class TextWidth {

    private static final Text PROBE = new Text();

    private TextWidth() {
    }

    static double of(String text, Font font) {
        PROBE.setFont(font);
        PROBE.setText(text);
        return PROBE.getLayoutBounds().getWidth();
    }
}
