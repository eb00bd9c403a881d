package studio.backprop.ui.app;

import java.util.function.UnaryOperator;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.editor.EditCommand;

/** An undoable edit of a whole section of the document (a training setting, the data), made outside the editor. */
record DocumentEdit(String description, UnaryOperator<NetworkDocument> change) implements EditCommand {

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        return change.apply(document);
    }
}
