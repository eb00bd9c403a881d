package studio.backprop.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.ComponentSpec;

/** The rows of an exercise sheet in the data panel: shown as they are, on a plane fitted to them, never as Spiral. */
class SheetRowsTest {

    private static final ComponentSpec XOR = new ComponentSpec("inline", Map.of("rows",
            "0, 0 -> 0\n0, 1 -> 1\n1, 0 -> 1\n1, 1 -> 0\n"));

    private static DatasetViewModel afterSpiral() {
        DatasetViewModel vm = new DatasetViewModel();
        vm.generatorProperty().set(DatasetViewModel.Generator.SPIRAL);
        vm.regenerate();
        return vm;
    }

    @Test
    void theXorSheetIsItsOwnRowsWithItsOwnClassesOnAPlaneFittedToThem() {
        DatasetViewModel vm = afterSpiral();
        assertTrue(vm.applyDataSpec(XOR));
        assertEquals(DatasetViewModel.Source.ROWS, vm.sourceProperty().get());
        assertEquals("Rows of the file", vm.sourceName());
        assertEquals(List.of("0", "1"), vm.classNames(), "not the spiral's arms");
        assertEquals("Rows of the file: 4 training, 0 test points, 2 classes", vm.descriptionProperty().get());
        Extent plane = vm.extentProperty().get();
        assertTrue(plane.xMin() < 0 && plane.xMax() > 1 && plane.yMin() < 0 && plane.yMax() > 1, plane.toString());
        assertTrue(plane.width() <= 3 && plane.height() <= 3, "fitted to [0, 1]², not [-6, 6]²: " + plane);
    }

    @Test
    void drawingKeepsThePlaneUntilAPointFallsOutsideIt() {
        DatasetViewModel vm = afterSpiral();
        vm.applyDataSpec(XOR);
        Extent fitted = vm.extentProperty().get();
        vm.addPoint(0.5, 0.5, 1);
        assertEquals(fitted, vm.extentProperty().get(), "a point drawn inside does not move the plane");
        assertEquals(DatasetViewModel.Source.DRAWN, vm.sourceProperty().get());
        vm.addPoint(4, -4, 0);
        assertEquals(Extent.DEFAULT, vm.extentProperty().get(), "a point outside grows it to the Playground's");
    }

    @Test
    void aGeneratedSetKeepsThePlaygroundsPlane() {
        assertEquals(Extent.DEFAULT, afterSpiral().extentProperty().get());
    }

    @Test
    void regressionRowsAreNotDrawnAsClasses() {
        DatasetViewModel vm = afterSpiral();
        ComponentSpec sheet = new ComponentSpec("inline", Map.of("rows", "0.05, 0.10 -> 0.01, 0.99\n"));
        assertFalse(vm.applyDataSpec(sheet));
        assertTrue(vm.messageProperty().get().contains("numbers, not a class"), vm.messageProperty().get());
    }

    @Test
    void signLabelsAreNamedAsWritten() {
        DatasetViewModel vm = afterSpiral();
        assertTrue(vm.applyDataSpec(new ComponentSpec("inline", Map.of("rows", "0, 0 -> -1\n1, 1 -> 1\n"))));
        assertEquals(List.of("-1", "+1"), vm.classNames());
        assertEquals(0, vm.points().get(0).label());
        assertEquals(1, vm.points().get(1).label());
    }
}
