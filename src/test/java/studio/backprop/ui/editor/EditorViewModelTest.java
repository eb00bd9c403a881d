package studio.backprop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.NetworkDocument;

class EditorViewModelTest {

    private final EditorViewModel vm = new EditorViewModel(Docs.twoLayers());

    @Test
    void compilesAfterEveryEditAndSaysWhyItCannotTrain() {
        assertTrue(vm.trainableProperty().get());
        assertEquals(3 * 2 + 3, vm.shapesProperty().get().get("hidden").trainableCount());
        vm.changeSetting("hidden", "units", "5");
        assertEquals(15, vm.shapesProperty().get().get("hidden").trainableCount());
        assertEquals(5, vm.shapesProperty().get().get("hidden").outputShape()[0]);
        vm.disconnect("hidden", "out");
        assertFalse(vm.trainableProperty().get());
        assertTrue(vm.whyNotTrainableProperty().get().contains("connect one"),
                vm.whyNotTrainableProperty().get());
        assertEquals(5, vm.shapesProperty().get().get("hidden").outputShape()[0],
                "shapes of the layers that can be built stay visible");
    }

    @Test
    void keyboardAddChainsAfterTheOutputAndInsertsAfterASelectedLayer() {
        vm.addLayer("Dense");
        assertEquals(List.of("out"), vm.document().layer("dense_1").inputs());
        assertEquals(Set.of("dense_1"), vm.selection());
        vm.addLayer("Dropout");
        assertEquals(List.of("dense_1"), vm.document().layer("dropout_1").inputs());

        vm.select("hidden", false);
        vm.addLayer("BatchNormalization");
        assertEquals(List.of("hidden"), vm.document().layer("batchnormalization_1").inputs());
        assertEquals(List.of("batchnormalization_1"), vm.document().layer("out").inputs());
        vm.undo();
        assertEquals(List.of("hidden"), vm.document().layer("out").inputs(), "one undo takes back the insert");
        assertNull(vm.document().layer("batchnormalization_1"));
    }

    @Test
    void dropAddsAnUnconnectedLayerWhereItFell() {
        assertTrue(vm.addLayer("Conv2D", 500, 300));
        assertEquals(500, vm.document().layer("conv2d_1").x());
        assertEquals("Add Conv2D", vm.history().undoDescriptionProperty().get());
        assertTrue(vm.problemsOf("conv2d_1").get(0).message().contains("needs 1 input"));
    }

    @Test
    void deleteSelectionAndUndoBringsItBack() {
        vm.select("hidden", false);
        vm.select("out", true);
        assertTrue(vm.deleteSelection());
        assertTrue(vm.document().layers().isEmpty());
        assertTrue(vm.selection().isEmpty());
        vm.undo();
        assertEquals(Docs.twoLayers(), vm.document());
        vm.clearSelection();
        assertFalse(vm.deleteSelection(), "nothing selected: nothing happens");
    }

    @Test
    void refusedConnectionsLeaveTheDocumentAndSayWhy() {
        NetworkDocument before = vm.document();
        assertFalse(vm.connect("out", "hidden"));
        assertTrue(vm.messageProperty().get().contains("would make a loop"));
        assertTrue(vm.noticeProperty().get().refusal());
        assertEquals(before, vm.document());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void aWireOntoALayerThatHasItsOneInputReplacesItAsOneUndoableStep() {
        NetworkDocument before = vm.document();
        assertTrue(vm.connect("input", "out"));
        assertEquals(List.of("input"), vm.document().layer("out").inputs());
        assertFalse(vm.noticeProperty().get().refusal());
        assertTrue(vm.noticeProperty().get().text().contains("instead of 'hidden'"), vm.noticeProperty().get().text());
        vm.undo();
        assertEquals(before, vm.document());
    }

    @Test
    void copyPasteCascadesAndSelectsTheCopies() {
        vm.selectAll();
        vm.copy();
        assertTrue(vm.paste());
        assertEquals(Set.of("dense_1", "dense_2"), vm.selection());
        assertEquals(List.of("dense_1"), vm.document().layer("dense_2").inputs());
        double firstX = vm.document().layer("dense_1").x();
        vm.paste();
        assertEquals(firstX + EditorViewModel.PASTE_OFFSET, vm.document().layer("dense_3").x());
    }

    @Test
    void moveIsOneStepFromTheLaidOutPosition() {
        double x = vm.positionsProperty().get().get("out").getX();
        vm.selectAll();
        assertTrue(vm.moveLayers(vm.selection(), 20, 10));
        assertEquals(x + 20, vm.document().layer("out").x());
        assertEquals(1, vm.history().undoDepth());
        vm.undo();
        assertEquals(x, vm.positionsProperty().get().get("out").getX());
    }

    @Test
    void renameKeepsTheSelectionAndValidatesNames() {
        vm.select("hidden", false);
        assertTrue(vm.rename("hidden", "h1"));
        assertEquals("h1", vm.selectedLayerProperty().get().name());
        assertEquals("another layer is already called 'out'", vm.nameProblem("h1", "out"));
        assertNull(vm.nameProblem("h1", "h1"));
        assertFalse(vm.rename("h1", "out"));
    }

    @Test
    void settingValidationChecksATrialCopy() {
        assertNull(vm.settingProblem("hidden", "units", "12"));
        assertEquals("Dense 'hidden', units: 0 is out of range; it must be between 1 and 1000000",
                vm.settingProblem("hidden", "units", "0"));
        assertEquals("3", vm.document().layer("hidden").setting("units"), "checking does not edit");
    }

    @Test
    void inputShapeAndDirtyTracking() {
        assertFalse(vm.dirtyProperty().get());
        assertTrue(vm.setInputShape("4"));
        assertTrue(vm.dirtyProperty().get());
        assertEquals(3 * 4 + 3, vm.shapesProperty().get().get("hidden").trainableCount());
        vm.markSaved();
        assertFalse(vm.dirtyProperty().get());
        assertFalse(vm.setInputShape("four"));
        assertTrue(vm.messageProperty().get().contains("not an input shape"));
        vm.open(Docs.conv());
        assertFalse(vm.canUndoProperty().get());
        assertEquals("28×28×6", ShapeText.of(vm.shapesProperty().get().get("c1").outputShape()));
    }

    @Test
    void zoomStaysWithinItsLimits() {
        for (int i = 0; i < 20; i++) {
            vm.zoomIn();
        }
        assertEquals(EditorViewModel.MAX_ZOOM, vm.zoomProperty().get());
        vm.resetZoom();
        assertEquals(1, vm.zoomProperty().get());
    }
}
