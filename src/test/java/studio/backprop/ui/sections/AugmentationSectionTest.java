package studio.backprop.ui.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.editor.EditHistory;

/** The Setup page's training editor offers augmentation and the test split, checked, undoable and saved. */
class AugmentationSectionTest {

    private static EditHistory history(int... input) {
        NetworkDocument doc = NetworkDocument.empty("new", input)
                .withLayer(new LayerSpec("flat", "Flatten", Map.of(), List.of("input"), 0, 0))
                .withLayer(new LayerSpec("out", "Dense", Map.of("units", "1"), List.of("flat"), 0, 0));
        return new EditHistory(doc);
    }

    private static SectionsViewModel vm(EditHistory history) {
        return new SectionsViewModel(history.documentProperty(), c -> {
            history.execute(c);
            return null;
        });
    }

    @Test
    void theTrainingEditorOffersTheTestSplitAndTheThreeAugmentations() {
        List<String> keys = SectionSchema.fields(Section.TRAINING, "").stream().map(SectionField::key).toList();
        assertTrue(keys.containsAll(List.of("test", "augment_shift", "augment_rotation", "augment_noise")), keys
                .toString());
    }

    @Test
    void augmentationOfAnImageNetworkIsCheckedUndoableAndSaved() {
        EditHistory history = history(8, 8, 1);
        SectionsViewModel vm = vm(history);
        assertEquals("augment_rotation: 200 must be between 0 and 180", vm.problem(Section.TRAINING,
                "augment_rotation", "200"));
        assertNull(vm.problem(Section.TRAINING, "augment_rotation", "15"));
        assertNull(vm.set(Section.TRAINING, "augment_rotation", "15"));
        assertNull(vm.set(Section.TRAINING, "augment_shift", "2"));
        String saved = DocumentFormat.write(history.documentProperty().get());
        assertTrue(saved.contains("augment_rotation = 15") && saved.contains("augment_shift = 2"), saved);
        history.undo();
        assertEquals("15", history.documentProperty().get().training().get("augment_rotation"));
        assertNull(history.documentProperty().get().training().get("augment_shift"), "one edit a step");
    }

    @Test
    void augmentationOfANetworkThatDoesNotReadImagesIsRefusedInWords() {
        SectionsViewModel vm = vm(history(2));
        String problem = vm.problem(Section.TRAINING, "augment_noise", "0.1");
        assertTrue(problem != null && problem.contains("this network reads 2 numbers, not an image"), problem);
        assertNull(vm.problem(Section.TRAINING, "augment_noise", "0"));
    }

    @Test
    void aTestSplitThatLeavesTooLittleToTrainOnIsRefused() {
        EditHistory history = history(8, 8, 1);
        SectionsViewModel vm = vm(history);
        assertNull(vm.set(Section.TRAINING, "validation", "0.5"));
        assertTrue(vm.problem(Section.TRAINING, "test", "0.5").contains("hold out more than 0.95"),
                vm.problem(Section.TRAINING, "test", "0.5"));
        assertNull(vm.problem(Section.TRAINING, "test", "0.2"));
    }
}
