package studio.backprop.ui.lessons.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The explorer's view model without a toolkit: the window's steps, and an example that cannot be computed. */
class ConvExplorerViewModelTest {

    @Test
    void theWindowStepsThroughEveryOutputAndWrapsAtTheEnd() {
        ConvExplorerViewModel vm = new ConvExplorerViewModel();
        assertTrue(vm.arithmetic().startsWith("y[1,1] = "), vm.arithmetic());
        for (int i = 0; i < 8; i++) {
            assertEquals(false, vm.step());
        }
        assertTrue(vm.arithmetic().startsWith("y[3,3] = ") && vm.arithmetic().endsWith("= −1"), vm.arithmetic());
        assertTrue(vm.step(), "the ninth step wraps");
        assertEquals(0, vm.positionProperty().get());
        vm.stepBack();
        assertEquals(0, vm.positionProperty().get());
    }

    @Test
    void anExampleThatCannotBeComputedKeepsTheLastResultAndSaysWhy() {
        ConvExplorerViewModel vm = new ConvExplorerViewModel();
        ConvResult before = vm.result();
        vm.update(s -> s.withDilation(3));
        assertSame(before, vm.result());
        assertTrue(vm.messageProperty().get().contains("dilation 3, spanning 7×7")
                && vm.messageProperty().get().contains("does not fit the 5×5 input"), vm.messageProperty().get());
        vm.update(s -> s.withDilation(2));
        assertEquals(1, vm.result().outH());
        assertEquals("", vm.messageProperty().get());
    }
}
