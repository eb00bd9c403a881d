package studio.backprop.ui.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.app.Page;
import studio.backprop.ui.export.Exportable;

/**
 * The Lessons page: the lessons on the mathematics of learning in a list on the left, the chosen one beside it.
 * Every lesson computes with the engine itself (autograd, the optimisers, activations and losses) and draws its
 * own pictures, which File ▸ Export offers while the lesson is shown.
 */
public final class LessonsPage implements Page {

    private final List<Lesson> lessons = new ArrayList<>();
    private final ListView<String> list = new ListView<>();
    private final BorderPane content = new BorderPane();

    /** The lessons, the data-handling one on its built-in table. */
    public LessonsPage() {
        this(null, null);
    }

    /**
     * The lessons; the data-handling one shows the open document's table when it has one.
     *
     * @param document the open document
     * @param folder   the folder its data paths are relative to
     */
    public LessonsPage(ObservableValue<NetworkDocument> document, Supplier<Path> folder) {
        lessons.add(new DescentLesson());
        lessons.add(new RaceLesson());
        lessons.add(new ActivationsLesson());
        lessons.add(new LossesLesson());
        lessons.add(new InformationLesson());
        lessons.add(new SchedulesLesson());
        lessons.add(new BatchLesson());
        lessons.add(new InitLesson());
        lessons.add(new RegularisationLesson());
        lessons.add(new DataLesson(document, folder));
        for (Lesson lesson : lessons) {
            list.getItems().add(lesson.title());
        }
        list.getStyleClass().add("lesson-list");
        list.setPrefWidth(225);
        list.setMinWidth(150);
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                content.setCenter(lessons.get(i.intValue()).content());
            }
        });
        content.setLeft(list);
        content.getStyleClass().add("lessons-page");
        list.getSelectionModel().select(0);
    }

    /** Shows the lesson with this title; false if there is none. */
    public boolean show(String title) {
        int i = list.getItems().indexOf(title);
        if (i >= 0) {
            list.getSelectionModel().select(i);
        }
        return i >= 0;
    }

    /** The titles of the lessons, in order. */
    public List<String> titles() {
        return List.copyOf(list.getItems());
    }

    @Override
    public String title() {
        return "Lessons";
    }

    @Override
    public Node content() {
        return content;
    }

    /** The pictures of every lesson. */
    @Override
    public List<Exportable> exportables() {
        List<Exportable> all = new ArrayList<>();
        lessons.forEach(l -> all.addAll(l.exportables()));
        return all;
    }

    @Override
    public void setPresenterMode(boolean on) {
        lessons.forEach(l -> l.setPresenterMode(on));
    }

    @Override
    public void setDarkColours(boolean dark) {
        lessons.forEach(l -> l.setDarkColours(dark));
    }
}
