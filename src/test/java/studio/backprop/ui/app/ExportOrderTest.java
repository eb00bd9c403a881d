package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.backprop.ui.export.Exportable;

/** File ▸ Export offers the views of the tab on screen first, so that the dialog preselects one of them. */
@ExtendWith(ApplicationExtension.class)
class ExportOrderTest {

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindow.show(stage, 780).window();
    }

    @Test
    void theShownTabsViewsComeFirstAndNoViewIsLostOrRepeated(FxRobot robot) {
        List<Exportable> everyView = offered(robot);
        for (Page page : window.pages()) {
            List<String> own = names(page.exportables());
            if (own.isEmpty()) {
                continue;
            }
            robot.interact(() -> window.showPage(page.title()));
            List<Exportable> offered = offered(robot);
            assertEquals(own, names(offered.subList(0, own.size())), page.title() + "'s views lead the list");
            assertEquals(everyView.size(), offered.size(), "every view is offered once, on the " + page.title()
                    + " tab too");
            assertEquals(new HashSet<>(everyView), new HashSet<>(offered));
        }
        robot.interact(() -> window.showPage("CNN"));
        String first = offered(robot).get(0).exportName();
        assertTrue(names(window.pages().stream().filter(p -> p.title().equals("CNN")).findFirst().orElseThrow()
                .exportables()).contains(first), "on the CNN tab, Ctrl+E starts from a CNN view, not " + first);
        assertFalse(first.isBlank());
    }

    /** What File ▸ Export offers now, read on the JavaFX thread (it depends on the selected tab). */
    private List<Exportable> offered(FxRobot robot) {
        List<List<Exportable>> box = new java.util.ArrayList<>();
        robot.interact(() -> box.add(window.exportablesShownFirst()));
        return box.get(0);
    }

    private static List<String> names(List<Exportable> views) {
        return views.stream().map(Exportable::exportName).toList();
    }
}
