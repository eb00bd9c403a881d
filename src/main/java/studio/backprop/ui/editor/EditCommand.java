package studio.backprop.ui.editor;

import studio.backprop.spec.NetworkDocument;

/**
 * One user edit of the network document. Commands are pure: they read a document and return the edited copy, so
 * the {@link EditHistory} can undo any of them by restoring the document it started from.
 */
public interface EditCommand {

    /**
     * The edited document.
     *
     * @throws EditRefusedException when the edit makes no sense for this document (the message says why)
     */
    NetworkDocument apply(NetworkDocument document);

    /** What the edit does, for menus ("Undo Add Dense") and the status line. */
    String description();
}
