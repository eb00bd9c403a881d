package studio.backprop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

class CommandsTest {

    private final NetworkDocument doc = Docs.twoLayers();

    @Test
    void addNamesTheLayerAfterItsTypeAndKeepsItsPosition() {
        NetworkDocument after = AddLayerCommand.of(doc, "Dense", List.of("out"), 300, 90).apply(doc);
        LayerSpec added = after.layer("dense_1");
        assertEquals(List.of("out"), added.inputs());
        assertEquals(300, added.x());
        assertEquals(90, added.y());
        NetworkDocument twice = AddLayerCommand.of(after, "Dense", List.of(), 1, 1).apply(after);
        assertTrue(twice.layer("dense_2") != null);
        EditCommand unknown = new AddLayerCommand(LayerSpec.of("x", "Teleporter", List.of()));
        assertEquals("there is no layer type called 'Teleporter'",
                assertThrows(EditRefusedException.class, () -> unknown.apply(doc)).getMessage());
    }

    @Test
    void deleteRemovesConnectionsReadingTheLayerAndItsWeights() {
        NetworkDocument after = new DeleteLayersCommand(List.of("hidden")).apply(doc);
        assertNull(after.layer("hidden"));
        assertEquals(List.of(), after.layer("out").inputs());
        assertEquals(List.of(), after.weights());
    }

    @Test
    void moveStoresPositionsFromWhereTheLayersWereDrawn() {
        NetworkDocument after = new MoveLayersCommand(Map.of("out", new Point2D(450, 40)), 10, -5).apply(doc);
        assertEquals(460, after.layer("out").x());
        assertEquals(35, after.layer("out").y());
        NetworkDocument corner = new MoveLayersCommand(Map.of("out", new Point2D(5, 5)), -50, -50).apply(doc);
        assertEquals(1, corner.layer("out").x(), "never (0, 0), which means 'lay me out'");
    }

    @Test
    void connectAppendsAnInputAndRefusesLoopsAndTooManyInputs() {
        NetworkDocument withAdd = doc.withLayer(LayerSpec.of("sum", "Add", List.of("hidden")));
        NetworkDocument after = new ConnectCommand("out", "sum").apply(withAdd);
        assertEquals(List.of("hidden", "out"), after.layer("sum").inputs());

        String loop = assertThrows(EditRefusedException.class,
                () -> new ConnectCommand("out", "hidden").apply(doc)).getMessage();
        assertEquals("connecting 'out' to 'hidden' would make a loop ('out' already depends on 'hidden'); "
                + "a network must flow one way", loop);
        String full = assertThrows(EditRefusedException.class,
                () -> new ConnectCommand("input", "out").apply(doc)).getMessage();
        assertEquals("Dense 'out' takes 1 input and already reads hidden; disconnect it first, or join the "
                + "branches with an Add layer", full);
        assertThrows(EditRefusedException.class, () -> new ConnectCommand("out", "out").apply(doc));
        assertThrows(EditRefusedException.class, () -> new ConnectCommand("out", "input").apply(doc));
    }

    @Test
    void disconnectRemovesOneConnection() {
        NetworkDocument after = new DisconnectCommand("hidden", "out").apply(doc);
        assertEquals(List.of(), after.layer("out").inputs());
        assertThrows(EditRefusedException.class, () -> new DisconnectCommand("input", "out").apply(doc));
    }

    @Test
    void invalidSettingTextIsStoredAndReportedOnTheLayer() {
        NetworkDocument after = new ChangeSettingCommand("hidden", "units", "lots").apply(doc);
        assertEquals("lots", after.layer("hidden").setting("units"));
        String problem = DocumentCompiler.compile(after).problemsOf("hidden").get(0).message();
        assertEquals("Dense 'hidden', units: 'lots' is not a whole number", problem);
        NetworkDocument reset = new ChangeSettingCommand("hidden", "units", " ").apply(after);
        assertNull(reset.layer("hidden").setting("units"));
        assertThrows(EditRefusedException.class, () -> new ChangeSettingCommand("hidden", "colour", "red").apply(doc));
    }

    @Test
    void renameUpdatesInputsAndWeights() {
        NetworkDocument after = new RenameLayerCommand("hidden", "h").apply(doc);
        assertEquals(List.of("h"), after.layer("out").inputs());
        assertEquals("h", after.weights().get(0).layer());
        assertTrue(DocumentCompiler.compile(after).errors().isEmpty());
        assertEquals("another layer is already called 'out'", assertThrows(EditRefusedException.class,
                () -> new RenameLayerCommand("hidden", "out").apply(doc)).getMessage());
        assertThrows(EditRefusedException.class, () -> new RenameLayerCommand("hidden", "input").apply(doc));
        assertThrows(EditRefusedException.class, () -> new RenameLayerCommand("hidden", "two words").apply(doc));
    }

    @Test
    void renameKeepsTheFilesCommentsAboutTheLayer() throws Exception {
        NetworkDocument annotated = DocumentFormat.read(DocumentFormat.write(doc).replace("[layer hidden]",
                "# Small on purpose.\n[layer hidden]"), "annotated.bps");
        String saved = DocumentFormat.write(new RenameLayerCommand("hidden", "h").apply(annotated));
        assertTrue(saved.contains("# Small on purpose.\n[layer h]\n"), saved);
    }

    @Test
    void inputShapeIsReadAsTyped() {
        NetworkDocument after = SetInputShapeCommand.parse("28×28×1").apply(doc);
        assertEquals(List.of(28, 28, 1), java.util.Arrays.stream(after.inputShape()).boxed().toList());
        assertThrows(EditRefusedException.class, () -> SetInputShapeCommand.parse("big"));
    }

    @Test
    void pasteGivesFreshNamesKeepsInnerConnectionsAndDropsOuterOnes() {
        List<LayerSpec> copied = List.of(doc.layer("hidden").at(100, 40), doc.layer("out").at(300, 40));
        PasteCommand paste = new PasteCommand(copied, 30);
        NetworkDocument after = paste.apply(doc);
        assertEquals(4, after.layers().size());
        LayerSpec first = after.layer("dense_1");
        LayerSpec second = after.layer("dense_2");
        assertEquals(List.of(), first.inputs(), "its input lies outside the copy");
        assertEquals(List.of("dense_1"), second.inputs());
        assertEquals(130, first.x());
        assertEquals("3", first.setting("units"));
        assertThrows(EditRefusedException.class, () -> new PasteCommand(List.of(), 30).apply(doc));
    }
}
