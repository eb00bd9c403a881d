package studio.backprop.ui.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.editor.EditHistory;

/** The section editor's checks and edits, without a stage. */
class SectionsViewModelTest {

    private final EditHistory history = new EditHistory(NetworkDocument.empty("new", 2)
            .withLayer(new LayerSpec("out", "Dense", Map.of("units", "1"), List.of("input"), 0, 0)));
    private final SectionsViewModel vm = new SectionsViewModel(history.documentProperty(), c -> {
        history.execute(c);
        return null;
    });

    @Test
    void aNetworkBuiltFromScratchTakesAnyLossAndAnyDataAsUndoableEdits() {
        assertNull(vm.choose(Section.LOSS, "hinge"));
        assertNull(vm.set(Section.LOSS, "reduction", "sum"));
        assertNull(vm.choose(Section.DATA, "logic"));
        assertNull(vm.set(Section.DATA, "gate", "or"));
        NetworkDocument doc = history.documentProperty().get();
        assertEquals(new ComponentSpec("hinge", Map.of("reduction", "sum")), doc.loss());
        assertEquals(new ComponentSpec("logic", Map.of("gate", "or")), doc.data());
        history.undo();
        history.undo();
        history.undo();
        assertEquals(ComponentSpec.of("hinge"), history.documentProperty().get().loss(), "one edit a step");
        assertEquals("none", history.documentProperty().get().data().type());
    }

    @Test
    void typedTextIsCheckedInTheEnginesWordsBeforeItIsCommitted() {
        assertEquals("epochs: 0 must be at least 1", vm.problem(Section.TRAINING, "epochs", "0"));
        assertNull(vm.problem(Section.TRAINING, "epochs", "5"));
        assertEquals("reduction: 'average' is neither mean nor sum", vm.problem(Section.LOSS, "reduction",
                "average"));
        assertTrue(vm.problem(Section.OPTIMIZER, "rho", "0.9").startsWith("rho = 0.9 is a setting of rmsprop"),
                "a foreign setting is named as such");
        assertEquals(history.documentProperty().get(), history.documentProperty().get(), "nothing was edited");
        assertTrue(!history.canUndoProperty().get());
    }

    @Test
    void eachOptimiserOffersItsOwnSettingsAndTheCommonOnes() {
        List<String> adam = SectionSchema.fields(Section.OPTIMIZER, "adam").stream().map(SectionField::key).toList();
        assertEquals(List.of("learning_rate", "beta1", "beta2", "epsilon", "l1", "l2", "weight_decay", "schedule",
                "decay_rate", "decay_steps", "staircase"), adam);
        assertTrue(SectionSchema.fields(Section.OPTIMIZER, "sgd").stream().anyMatch(f -> f.key().equals("momentum")));
        assertTrue(SectionSchema.types(Section.LOSS).contains("squared_hinge"));
    }
}
