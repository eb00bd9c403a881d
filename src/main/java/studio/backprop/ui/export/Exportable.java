package studio.backprop.ui.export;

import javafx.scene.Node;

/**
 * A view that can be saved as a picture. Every exportable view implements this, and {@link PngExporter} is the one
 * path that turns it into a PNG (at 1×, 2× or 4×, with a chosen background).
 */
public interface Exportable {

    /** The node whose pixels make the picture (usually the view itself, without its toolbars). */
    Node exportNode();

    /** A file-name stem for the picture: "loss", "decision-boundary", "network". */
    String exportName();
}
