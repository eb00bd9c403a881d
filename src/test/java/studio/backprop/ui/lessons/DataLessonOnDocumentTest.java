package studio.backprop.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.data.HoldOut;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.TrainingData;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;

/** The data-handling lesson on the open document's CSV table: its rows split as training splits them. */
@ExtendWith(ApplicationExtension.class)
class DataLessonOnDocumentTest {

    @TempDir
    static Path dir;

    private final SimpleObjectProperty<NetworkDocument> document = new SimpleObjectProperty<>();
    private LessonsPage page;

    @Start
    void start(Stage stage) {
        page = new LessonsPage(document, () -> dir);
        stage.setScene(new Scene((javafx.scene.Parent) page.content(), 1260, 760));
        stage.show();
    }

    private static NetworkDocument flatsDocument() throws Exception {
        String[] conditions = {"poor", "fair", "good", "excellent"};
        StringBuilder csv = new StringBuilder("area,rooms,condition,price\n");
        for (int i = 0; i < 40; i++) {
            int area = 40 + (i * 37) % 110;
            csv.append(area).append(',').append(1 + area / 30).append(',').append(conditions[(i * 7) % 4])
                    .append(',').append(area * 3 + i % 5).append('\n');
        }
        Files.writeString(dir.resolve("flats.csv"), csv);
        return DocumentFormat.read("""
                backprop-studio network 1
                input = 6

                [layer out]
                type = Dense
                units = 1

                [loss mse]

                [optimizer sgd]

                [training]
                validation = 0.2
                test = 0.1
                seed = 4

                [data csv]
                file = flats.csv
                label = price
                """, "flats.bps");
    }

    @Test
    void theLessonSplitsTheLoadedTableAsTrainingDoesAndFollowsItsControls(FxRobot robot) throws Exception {
        NetworkDocument doc = flatsDocument();
        robot.interact(() -> {
            document.set(doc);
            page.show("Data handling");
        });
        Label source = robot.lookup(".data-source").queryAs(Label.class);
        await(() -> source.getText().startsWith("The open document's table: flats.csv, 40 rows"));
        DataPlot plot = (DataPlot) page.exportables().stream().filter(e -> e instanceof DataPlot).findFirst()
                .orElseThrow();
        HoldOut training = HoldOut.of(40, 0.2, 0.1, false, 4);
        assertArrayEquals(training.partOfEachRow(), plot.split(), "the rows training holds out");
        TrainingData data = DataResolver.resolve(doc, dir, false, DocumentCompiler.compile(doc).network()
                .outputShape());
        assertEquals(training.test().length, data.testX().dim(0));
        @SuppressWarnings("unchecked")
        ComboBox<String> numeric = robot.lookup(".data-numeric").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> categorical = robot.lookup(".data-categorical").queryAs(ComboBox.class);
        assertEquals(java.util.List.of("area", "rooms", "price"), numeric.getItems());
        assertEquals("condition", categorical.getValue());
        robot.interact(() -> numeric.setValue("rooms"));
        TextField validation = robot.lookup(".data-validation").queryAs(TextField.class);
        assertEquals("0.2", validation.getText(), "the file's fraction");
        robot.interact(() -> validation.setText("0.3"));
        int[] counts = new int[3];
        for (int part : plot.split()) {
            counts[part]++;
        }
        assertArrayEquals(new int[] {28, 12, 0}, counts, "train 0.7 · 40, validation 0.3 · 40, no test left");
        robot.interact(() -> document.set(doc.withTraining(doc.training().with("validation", "0.25"))));
        await(() -> source.getText().contains("validation 0.25"));
        assertEquals("0.25", validation.getText(), "an edit of the plan reaches the lesson without reading again");
        TextField order = robot.lookup(".data-level-order").queryAs(TextField.class);
        assertEquals("excellent, fair, good, poor", order.getText(), "a CSV file's words, sorted");
        robot.interact(() -> {
            order.setText("poor, fair, excellent");
            order.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(java.util.List.of("excellent", "fair", "good", "poor"), plot.categorical().levels(),
                "an order that leaves a level out is refused");
        assertTrue(robot.lookup(".lesson-message").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("each level of 'condition' once")), "the refusal in words");
        robot.interact(() -> {
            order.setText("poor, fair, good, excellent");
            order.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(java.util.List.of("poor", "fair", "good", "excellent"), plot.categorical().levels());
        int row = java.util.Arrays.asList(plot.categorical().words()).indexOf("good");
        assertEquals(2, plot.categorical().level(row), "good is level 2 of poor < fair < good < excellent");
        Path png = Path.of("target", "screens", "lesson-data-handling-csv.png");
        Files.createDirectories(png.getParent());
        robot.interact(() -> {
            try {
                PngExporter.write(plot, png, 1, ExportBackground.WHITE);
                PngExporter.write(page.content(), Path.of("target", "screens", "lesson-data-handling-csv-page.png"),
                        1, javafx.scene.paint.Color.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theDigitsShowTheirDigitEncodedAndTheirInkScaled(FxRobot robot) throws Exception {
        NetworkDocument doc = NetworkDocument.empty("digits", 28, 28, 1)
                .withData(new studio.backprop.spec.ComponentSpec("mnist", java.util.Map.of("count", "300")))
                .withTraining(new studio.backprop.spec.ComponentSpec("minibatch", java.util.Map.of("validation",
                        "0.15", "split", "last")));
        robot.interact(() -> {
            document.set(doc);
            page.show("Data handling");
        });
        Label source = robot.lookup(".data-source").queryAs(Label.class);
        await(() -> source.getText().startsWith("The open document's table: the digits (300), 300 rows"));
        assertEquals("digit", robot.lookup(".data-categorical").queryAs(ComboBox.class).getValue());
        DataPlot plot = (DataPlot) page.exportables().stream().filter(e -> e instanceof DataPlot).findFirst()
                .orElseThrow();
        assertArrayEquals(HoldOut.of(300, 0.15, 0, true, 1).partOfEachRow(), plot.split());
        robot.interact(() -> {
            try {
                PngExporter.write(plot, Path.of("target", "screens", "lesson-data-handling-digits.png"), 1,
                        ExportBackground.DARK);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aDocumentWithoutATableKeepsTheFlats(FxRobot robot) throws Exception {
        robot.interact(() -> {
            document.set(NetworkDocument.empty("plain", 2));
            page.show("Data handling");
        });
        Label source = robot.lookup(".data-source").queryAs(Label.class);
        await(() -> source.getText().contains("twelve flats"));
        assertEquals("area m²", robot.lookup(".data-numeric").queryAs(ComboBox.class).getValue());
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
