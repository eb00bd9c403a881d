package studio.backprop.ui.export;

import javafx.scene.Node;

/**
 * A view that can be saved as a picture. Every exportable view implements this, and {@link PngExporter} is the one
 * path that turns it into a PNG (at 1×, 2× or 4×, with a chosen background).
 */
public interface Exportable {

    /** The node whose pixels make the picture (usually the view itself, without its toolbars). */
    Node exportNode();

    /** A file-name stem for the picture: "loss", "decision-boundary", "editor". */
    String exportName();

    /**
     * Whether the view has a picture to give now. The Playground view of a LeNet, say, shows only a sentence saying
     * it draws two-input networks: File ▸ Export still offers it, after the views that do show something, so that
     * the dialog does not preselect it. By default: true.
     */
    default boolean showsPicture() {
        return true;
    }

    /**
     * Gets the view ready to be photographed at {@code scale} over {@code background} and says what to photograph.
     * Views drawn on a canvas redraw it with {@code scale} device pixels per unit, so lines and text stay sharp at
     * 2× and 4× instead of being an enlarged bitmap; views with colours of their own switch to the ones that suit
     * the background. The picture's {@link Picture#restore() restore} puts the view back as it is shown.
     *
     * <p>By default: {@link #exportNode()} as it is.
     */
    default Picture prepareExport(double scale, ExportBackground background) {
        return new Picture(exportNode(), () -> { });
    }

    /** What to photograph, and what puts the view back afterwards. */
    record Picture(Node node, Runnable restore) {

        /** A picture of {@code node}, a view made of prepared {@code parts} that are all put back afterwards. */
        public static Picture of(Node node, Picture... parts) {
            return new Picture(node, () -> {
                for (Picture part : parts) {
                    part.restore().run();
                }
            });
        }
    }
}
