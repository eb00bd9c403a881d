package studio.backprop.ui.app;

import java.util.List;
import javafx.scene.Node;
import studio.backprop.ui.export.Exportable;

/**
 * One page of the main window (a tab): its content, the views it offers to File ▸ Export, and how it follows
 * presenter mode and the theme. A page plugs into training only through the {@link AppModel}'s session: probes and
 * commands, never the network. Adding a page is one class and one line in {@link Pages#ALL}.
 */
public interface Page {

    /** The tab's title. */
    String title();

    /** The page's content, built once. */
    Node content();

    /** The views this page offers to File ▸ Export (each also has its own right-click menu where it makes sense). */
    List<Exportable> exportables();

    /** Presenter mode on or off: larger type, thicker strokes. */
    default void setPresenterMode(boolean on) {
    }

    /** Whether the page is the one shown (a page may ask for costly probes only while it is). */
    default void setShowing(boolean showing) {
    }

    /** Whether the theme is a dark one (dark or high contrast). */
    default void setDarkColours(boolean dark) {
    }
}
