package studio.backprop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.NetworkDocument;

class EditHistoryTest {

    private final NetworkDocument start = Docs.twoLayers();
    private final EditHistory history = new EditHistory(start);

    @Test
    void undoAndRedoRestoreTheDocumentsAndTheMenuTexts() {
        assertFalse(history.canUndoProperty().get());
        history.execute(new ChangeSettingCommand("hidden", "units", "5"));
        NetworkDocument edited = history.document();
        assertEquals("5", edited.layer("hidden").setting("units"));
        assertTrue(history.canUndoProperty().get());
        assertEquals("Set hidden.units = 5", history.undoDescriptionProperty().get());

        history.undo();
        assertSame(start, history.document());
        assertTrue(history.canRedoProperty().get());
        assertEquals("Set hidden.units = 5", history.redoDescriptionProperty().get());

        history.redo();
        assertSame(edited, history.document());
        assertFalse(history.canRedoProperty().get());
    }

    @Test
    void aNewEditClearsWhatCouldBeRedone() {
        history.execute(new ChangeSettingCommand("hidden", "units", "5"));
        history.undo();
        history.execute(new ChangeSettingCommand("hidden", "units", "7"));
        assertFalse(history.canRedoProperty().get());
        assertEquals(1, history.undoDepth());
    }

    @Test
    void aCompoundCommandIsOneStepAndARefusedPartChangesNothing() {
        history.execute(CompoundCommand.of("Add and connect",
                AddLayerCommand.of(start, "Dense", List.of("out"), 400, 40),
                new ChangeSettingCommand("dense_1", "units", "4")));
        assertEquals(3, history.document().layers().size());
        assertEquals("4", history.document().layer("dense_1").setting("units"));
        history.undo();
        assertSame(start, history.document());

        EditCommand half = CompoundCommand.of("bad", new ChangeSettingCommand("out", "units", "2"),
                new ConnectCommand("out", "hidden"));
        assertThrows(EditRefusedException.class, () -> history.execute(half));
        assertSame(start, history.document());
        assertEquals(0, history.undoDepth());
    }

    @Test
    void dirtyFollowsTheSavedVersionThroughUndoAndRedo() {
        assertFalse(history.dirtyProperty().get());
        history.execute(new ChangeSettingCommand("hidden", "units", "5"));
        assertTrue(history.dirtyProperty().get());
        history.undo();
        assertFalse(history.dirtyProperty().get(), "back at the state on disk");
        history.redo();
        history.markSaved();
        assertFalse(history.dirtyProperty().get());
        history.undo();
        assertTrue(history.dirtyProperty().get(), "the saved file has the edit; the document does not");
        history.reset(start);
        assertFalse(history.dirtyProperty().get());
        assertFalse(history.canUndoProperty().get());
    }

    @Test
    void theLimitDropsTheOldestSteps() {
        EditHistory short3 = new EditHistory(start, 3);
        for (int units = 2; units < 8; units++) {
            short3.execute(new ChangeSettingCommand("hidden", "units", String.valueOf(units)));
        }
        assertEquals(3, short3.undoDepth());
        short3.undo();
        short3.undo();
        short3.undo();
        assertEquals("4", short3.document().layer("hidden").setting("units"));
        assertFalse(short3.canUndoProperty().get());
    }

    @Test
    void anEditThatChangesNothingIsNotRecorded() {
        history.execute(new ChangeSettingCommand("hidden", "units", "3"));
        assertEquals(0, history.undoDepth());
        assertFalse(history.dirtyProperty().get());
    }
}
