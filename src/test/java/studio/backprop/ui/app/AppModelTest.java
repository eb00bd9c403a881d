package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/** The app's state and file handling, driven on the JavaFX thread without a window. */
class AppModelTest {

    @TempDir
    Path dir;

    private AppModel model;
    private final AtomicReference<String> error = new AtomicReference<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        model = new AppModel(dir.resolve("home"), Path.of("samples").toAbsolutePath(),
                Preferences.userRoot().node("backprop-studio-test-" + System.nanoTime()));
    }

    @Test
    void editingMarksUnsavedAndSavingClearsIt() throws Exception {
        fx(() -> model.open(Path.of("samples", "perceptron-or.bps"), error::set));
        await(() -> model.documentProperty().get() != null);
        assertFalse(model.dirtyProperty().get());
        NetworkDocument edited = model.documentProperty().get().withName("Renamed");
        fx(() -> model.edit(new DocumentEdit("rename", d -> edited)));
        assertTrue(model.dirtyProperty().get());
        Path target = dir.resolve("mine.bps");
        fx(() -> model.saveAs(target, () -> { }, error::set));
        await(() -> !model.dirtyProperty().get());
        assertTrue(Files.readString(target).contains("name = Renamed"));
        assertEquals(target, model.fileProperty().get());
        assertEquals(target.toRealPath(), model.recent().list().get(0));
    }

    @Test
    void unsavedWorkIsAutosavedAndRecovered() throws Exception {
        fx(() -> model.open(Path.of("samples", "perceptron-or.bps"), error::set));
        await(() -> model.documentProperty().get() != null);
        fx(() -> model.edit(new DocumentEdit("rename", d -> d.withName("Unsaved idea"))));
        fx(model::autosaveIfDirty);
        AppModel afterCrash = new AppModel(dir.resolve("home"), Path.of("samples").toAbsolutePath(),
                Preferences.userRoot().node("backprop-studio-test-" + System.nanoTime()));
        NetworkDocument leftover = afterCrash.autosave().leftover().orElseThrow();
        assertEquals("Unsaved idea", leftover.name());
        fx(() -> afterCrash.recover(leftover));
        assertTrue(afterCrash.dirtyProperty().get(), "recovered work is not saved anywhere yet");
        fx(model::shutdown);
        assertTrue(model.autosave().leftover().isEmpty(), "a normal close forgets the autosave");
    }

    @Test
    void aMalformedFileIsReportedWithItsLine() throws Exception {
        Path bad = dir.resolve("bad.bps");
        Files.writeString(bad, "backprop-studio network 1\ninput = 2\n[layer h]\nunits 4\n");
        fx(() -> model.open(bad, error::set));
        await(() -> error.get() != null);
        assertEquals("bad.bps, line 4: expected 'key = value' or a section like '[layer name]', found 'units 4'",
                error.get());
        assertEquals("untitled", model.documentProperty().get().name(), "nothing half-loaded");
    }

    @Test
    void anUntrainableNetworkIsRefusedWithTheReason() throws Exception {
        NetworkDocument broken = NetworkDocument.empty("broken", 3, 3, 1)
                .withLayer(LayerSpec.of("c2", "Conv2D", List.of("input")).withSetting("kernel", "5"));
        fx(() -> model.edit(new DocumentEdit("replace", d -> broken)));
        fx(() -> model.ensureTrainer(() -> { }, error::set));
        await(() -> error.get() != null);
        assertTrue(error.get().contains("kernel 5×5 does not fit a 3×3 input"), error.get());
        assertFalse(model.training().active());
    }

    private static void fx(Runnable action) throws Exception {
        FxToolkit.setupFixture(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> { });
    }
}
