package studio.backprop.ui.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import studio.backprop.spec.NetworkDocument;

/**
 * The one undo history of a document. It owns the current document: commands go in through {@link #execute}, and
 * undo and redo put back the documents each command started from and produced (documents are immutable, so keeping
 * them costs only what changed).
 *
 * <p>Every document state has a version number; {@link #markSaved()} remembers the current one, and the history is
 * dirty whenever the current version differs, so undoing back to the saved state makes it clean again.
 *
 * <p>Thread: the JavaFX application thread (its properties drive menus).
 */
public final class EditHistory {

    /** How many steps can be undone unless told otherwise. */
    public static final int DEFAULT_LIMIT = 200;

    private record Step(EditCommand command, NetworkDocument before, long beforeVersion, NetworkDocument after,
                        long afterVersion) {
    }

    private final int limit;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<NetworkDocument> document = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("");
    private long version;
    private long nextVersion = 1;
    private long savedVersion;

    public EditHistory(NetworkDocument initial) {
        this(initial, DEFAULT_LIMIT);
    }

    public EditHistory(NetworkDocument initial, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the undo limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        reset(initial);
    }

    /** Starts over with a document just opened or created: no history, not dirty. */
    public void reset(NetworkDocument initial) {
        undo.clear();
        redo.clear();
        version = nextVersion++;
        savedVersion = version;
        document.set(initial);
        refresh();
    }

    /**
     * Applies a command to the current document and records it; clears what could be redone.
     *
     * @throws EditRefusedException when the command refuses (nothing changes)
     */
    public NetworkDocument execute(EditCommand command) {
        NetworkDocument before = document.get();
        NetworkDocument after = command.apply(before);
        if (after.equals(before)) {
            return before;
        }
        Step step = new Step(command, before, version, after, nextVersion++);
        undo.push(step);
        while (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
        moveTo(after, step.afterVersion());
        return after;
    }

    /** Takes back the latest command; does nothing when there is none. */
    public void undo() {
        if (!undo.isEmpty()) {
            Step step = undo.pop();
            redo.push(step);
            moveTo(step.before(), step.beforeVersion());
        }
    }

    /** Does again the latest command taken back; does nothing when there is none. */
    public void redo() {
        if (!redo.isEmpty()) {
            Step step = redo.pop();
            undo.push(step);
            moveTo(step.after(), step.afterVersion());
        }
    }

    /** Remembers the current document as the one on disk. */
    public void markSaved() {
        savedVersion = version;
        refresh();
    }

    private void moveTo(NetworkDocument doc, long newVersion) {
        version = newVersion;
        document.set(doc);
        refresh();
    }

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoText.set(undo.isEmpty() ? "" : undo.peek().command().description());
        redoText.set(redo.isEmpty() ? "" : redo.peek().command().description());
        dirty.set(version != savedVersion);
    }

    public ReadOnlyObjectProperty<NetworkDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public NetworkDocument document() {
        return document.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True when the document differs from the one last saved (or opened). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** What undo would take back ("Add Dense"); empty when nothing. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoText.getReadOnlyProperty();
    }

    /** What redo would do again; empty when nothing. */
    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** How many steps can be undone now. */
    public int undoDepth() {
        return undo.size();
    }
}
