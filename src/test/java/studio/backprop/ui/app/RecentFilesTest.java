package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open Recent lists each file once, whatever name it was opened by. */
class RecentFilesTest {

    @TempDir
    Path dir;
    private Preferences prefs;
    private RecentFiles recent;

    @BeforeEach
    void setUp() {
        prefs = Preferences.userRoot().node("backprop-studio-recent-test-" + System.nanoTime());
        recent = new RecentFiles(prefs);
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    @Test
    void aFileOpenedByTwoNamesIsListedOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("xor.bps"), "backprop-studio network 1\ninput = 2\n");
        Files.createDirectories(dir.resolve("sub"));
        recent.add(file);
        recent.add(dir.resolve("sub").resolve("..").resolve(".").resolve("xor.bps"));
        Path link = Files.createSymbolicLink(dir.resolve("link.bps"), file);
        recent.add(link);

        assertEquals(List.of(file.toRealPath()), recent.list());
    }

    @Test
    void aRelativeNameAndTheAbsoluteOneAreTheSameFile() {
        Path relative = Path.of("samples", "perceptron-or.bps");
        recent.add(relative);
        recent.add(relative.toAbsolutePath());
        assertEquals(1, recent.list().size());
        assertEquals(RecentFiles.canonical(relative), recent.list().get(0));
    }

    @Test
    void aListWrittenWithTheSameFileTwiceShowsItOnceAndMissingFilesStayListed() throws Exception {
        Path file = Files.writeString(dir.resolve("a.bps"), "x");
        prefs.put("recent.0", file.toString());
        prefs.put("recent.1", dir.resolve("sub/../a.bps").toString());
        prefs.put("recent.2", dir.resolve("gone.bps").toString());

        assertEquals(List.of(file.toRealPath(), dir.toRealPath().resolve("gone.bps")), recent.list());
    }

    @Test
    void theNewestComesFirstAndTheListKeepsEight() throws Exception {
        for (int i = 0; i < 10; i++) {
            recent.add(Files.writeString(dir.resolve("n" + i + ".bps"), "x"));
        }
        List<Path> list = recent.list();
        assertEquals(8, list.size());
        assertEquals(dir.toRealPath().resolve("n9.bps"), list.get(0));
        assertEquals(dir.toRealPath().resolve("n2.bps"), list.get(7));
    }
}
