package studio.backprop.ui.export;

import java.util.Arrays;
import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * The background of an exported picture. A view drawn for a picture uses the colours that read well over it: its
 * light colours over white, its dark colours over dark, and the colours it is shown in over no background.
 */
public enum ExportBackground {
    /** White, the view in its light colours (documents, print). */
    WHITE(Color.WHITE),
    /** No background, the view in the colours it is shown in (slides of any colour). */
    TRANSPARENT(Color.TRANSPARENT),
    /** Dark grey, the view in its dark colours (dark slides). */
    DARK(Color.rgb(30, 30, 34));

    private final Color color;

    ExportBackground(Color color) {
        this.color = color;
    }

    /** The fill behind the picture; fully transparent for {@link #TRANSPARENT}. */
    public Color color() {
        return color;
    }

    /**
     * Whether the view should use its dark colours: always over {@link #DARK}, never over {@link #WHITE}, and as
     * shown ({@code shownDark}) over {@link #TRANSPARENT}.
     */
    public boolean darkColours(boolean shownDark) {
        return switch (this) {
            case WHITE -> false;
            case TRANSPARENT -> shownDark;
            case DARK -> true;
        };
    }

    /** "white", "transparent" or "dark" (any case). */
    public static ExportBackground parse(String name) {
        for (ExportBackground b : values()) {
            if (b.name().equalsIgnoreCase(name.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("the background must be one of " + Arrays.stream(values())
                .map(ExportBackground::label).toList() + ", got '" + name + "'");
    }

    /** The menu label: "white". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
