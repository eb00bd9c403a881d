package studio.backprop.ui.charts;

import java.util.Arrays;
import java.util.Locale;
import javafx.scene.paint.Color;

/** The background of an exported picture, and the palette its chart is drawn in over it. */
public enum ExportBackground {
    /** White, the chart in its light colours (documents, print). */
    WHITE,
    /** No background, the chart in the palette it is shown in (slides of any colour). */
    TRANSPARENT,
    /** Dark, the chart in its dark colours (dark slides). */
    DARK;

    /** The fill behind the picture; transparent for {@link #TRANSPARENT}. */
    public Color color() {
        return switch (this) {
            case WHITE -> ChartPalette.LIGHT.background();
            case TRANSPARENT -> Color.TRANSPARENT;
            case DARK -> ChartPalette.DARK.background();
        };
    }

    /** The palette to draw in over this background; {@code shown} for a transparent one. */
    public ChartPalette palette(ChartPalette shown) {
        return switch (this) {
            case WHITE -> ChartPalette.LIGHT;
            case TRANSPARENT -> shown;
            case DARK -> ChartPalette.DARK;
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
                .map(b -> b.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + name + "'");
    }

    /** The menu label: "white". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
