package studio.backprop.ui.lessons;

import java.util.List;
import javafx.scene.Node;
import studio.backprop.ui.export.Exportable;

/** One lesson of the Lessons page: its content, the pictures it offers, and how it follows presenter mode and theme. */
interface Lesson {

    /** The name in the lesson list: "Gradient descent". */
    String title();

    /** The lesson's view, built once. */
    Node content();

    /** The views this lesson offers to File ▸ Export. */
    List<Exportable> exportables();

    /** Larger type and strokes for a projector. */
    void setPresenterMode(boolean on);

    /** Dark or light colours for the drawings. */
    void setDarkColours(boolean dark);
}
