package studio.backprop.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The most recently opened or saved files, newest first, kept in the user's preferences. A file is listed once,
 * however it was named when it was opened ("samples/x.bps", "bin/../samples/x.bps", a link to it): every path is
 * made absolute and normalised, and resolved to the real file when it exists.
 */
public final class RecentFiles {

    private static final int LIMIT = 8;
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The files, newest first, each once (lists written by older versions may have held one twice). */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String p = prefs.get("recent." + i, null);
            if (p == null) {
                continue;
            }
            try {
                Path canonical = canonical(Path.of(p));
                if (!out.contains(canonical)) {
                    out.add(canonical);
                }
            } catch (InvalidPathException e) {
                // A preference edited by hand into something that is not a path is dropped from the list.
            }
        }
        return out;
    }

    /** Moves {@code file} to the front. */
    public void add(Path file) {
        List<Path> list = list();
        Path canonical = canonical(file);
        list.remove(canonical);
        list.add(0, canonical);
        for (int i = 0; i < LIMIT; i++) {
            if (i < list.size()) {
                prefs.put("recent." + i, list.get(i).toString());
            } else {
                prefs.remove("recent." + i);
            }
        }
    }

    /** The one name of a file: absolute, without "." and "..", and through links when the file exists. */
    static Path canonical(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        if (Files.exists(normal)) {
            try {
                return normal.toRealPath();
            } catch (IOException e) {
                return normal;
            }
        }
        return normal;
    }
}
