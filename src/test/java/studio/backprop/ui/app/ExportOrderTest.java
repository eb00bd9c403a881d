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
import studio.backprop.ui.lessons.generative.GenerativePage;

/** File ▸ Export offers the views of the tab on screen first, so that the dialog preselects one of them. */
@ExtendWith(ApplicationExtension.class)
class ExportOrderTest {

    private MainWindow window;
    private AppModel model;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        window = shown.window();
        model = shown.model();
    }

    @Test
    void theShownTabsViewsComeFirstAndNoViewIsLostOrRepeated(FxRobot robot) {
        List<Exportable> everyView = offered(robot);
        for (Page page : window.pages()) {
            robot.interact(() -> window.showPage(page.title()));
            List<String> own = names(pictured(robot, page.exportables()));
            if (own.isEmpty()) {
                continue;
            }
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

    @Test
    void onTheTrainingTabOfALeNetCtrlEStartsFromTheLossChartNotThePlaygroundsSentence(FxRobot robot)
            throws Exception {
        robot.interact(() -> window.showPage("Training"));
        robot.interact(() -> model.open(java.nio.file.Path.of("samples", "spiral-playground.bps"), m -> { }));
        long twoInputs = System.currentTimeMillis() + 20_000;
        while (!offered(robot).get(0).exportName().equals("playground") && System.currentTimeMillis() < twoInputs) {
            Thread.sleep(50);
        }
        assertEquals("playground", offered(robot).get(0).exportName(), "a two-input network is drawn");
        robot.interact(() -> model.open(java.nio.file.Path.of("samples", "lenet5-digits.bps"), m -> { }));
        long deadline = System.currentTimeMillis() + 20_000;
        while (offered(robot).get(0).exportName().equals("playground") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        List<Exportable> offered = offered(robot);
        assertEquals("loss", offered.get(0).exportName());
        List<String> order = names(offered);
        assertTrue(order.indexOf("accuracy") > 0 && order.indexOf("playground") > order.indexOf("accuracy"),
                "still offered, after the charts: " + order);
    }

    /**
     * The Generative and Lessons tabs hold one sub-page (one lesson) at a time: Ctrl+E on the GAN exported the
     * autoencoder's empty panel, the first sub-page's, which is not on screen.
     */
    @Test
    void onTabsOfSubPagesCtrlEStartsFromTheChosenOne(FxRobot robot) {
        GenerativePage generative = (GenerativePage) page("Generative");
        for (String chosen : List.of("GAN", "VAE", "Autoencoder")) {
            robot.interact(() -> {
                window.showPage("Generative");
                generative.show(chosen);
            });
            Page sub = generative.subPages().stream().filter(p -> p.title().equals(chosen)).findFirst()
                    .orElseThrow();
            List<Exportable> offered = offered(robot);
            Exportable first = offered.get(0);
            assertTrue(sub.exportables().contains(first), "with the " + chosen + " chosen, Ctrl+E starts from "
                    + first.exportName());
            int own = generative.exportables().size();
            assertEquals(new HashSet<>(generative.exportables()), new HashSet<>(offered.subList(0, own)),
                    "the other sub-pages' views follow, before the other tabs'");
        }
        studio.backprop.ui.lessons.LessonsPage lessons = (studio.backprop.ui.lessons.LessonsPage) page("Lessons");
        for (String lesson : lessons.titles().subList(1, 4)) {
            robot.interact(() -> {
                window.showPage("Lessons");
                lessons.show(lesson);
            });
            Exportable first = offered(robot).get(0);
            javafx.scene.Node node = first.exportNode();
            while (node != null && node != lessons.content()) {
                node = node.getParent();
            }
            assertEquals(lessons.content(), node, "with '" + lesson + "' chosen, Ctrl+E starts from "
                    + first.exportName() + ", a view of a lesson not on screen");
        }
    }

    private Page page(String title) {
        return window.pages().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
    }

    /** What File ▸ Export offers now, read on the JavaFX thread (it depends on the selected tab). */
    private List<Exportable> offered(FxRobot robot) {
        List<List<Exportable>> box = new java.util.ArrayList<>();
        robot.interact(() -> box.add(window.exportablesShownFirst()));
        return box.get(0);
    }

    /** Those of {@code views} that have a picture to give now, in order. */
    private List<Exportable> pictured(FxRobot robot, List<Exportable> views) {
        List<List<Exportable>> box = new java.util.ArrayList<>();
        robot.interact(() -> box.add(views.stream().filter(window::showsPicture).toList()));
        return box.get(0);
    }

    private static List<String> names(List<Exportable> views) {
        return views.stream().map(Exportable::exportName).toList();
    }
}
