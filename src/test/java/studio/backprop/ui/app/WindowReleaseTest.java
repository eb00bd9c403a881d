package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window that has shut down is released with its pages and its session: nothing the toolkit keeps running (the
 * autosave timeline, a page's animation timer) holds on to it. Without this every window a long app life or the test
 * suite builds stays in the heap.
 */
@ExtendWith(ApplicationExtension.class)
class WindowReleaseTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aShutDownWindowIsCollected(FxRobot robot) throws Exception {
        WeakReference<MainWindow>[] first = new WeakReference[1];
        robot.interact(() -> {
            try {
                TestWindow shown = TestWindow.show(stage, 780);
                // every page shown once, so each one's timers have had their chance to start
                for (Page page : shown.window().pages()) {
                    shown.window().showPage(page.title());
                }
                first[0] = new WeakReference<>(shown.window());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                TestWindow.show(stage, 780);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 20 && first[0].get() != null; i++) {
            System.gc();
            Thread.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertNull(first[0].get(), "the first window is still reachable after the second one replaced it");
    }
}
