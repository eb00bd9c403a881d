package studio.backprop.ui.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The most recently opened or saved files, newest first, kept in the user's preferences. */
public final class RecentFiles {

    private static final int LIMIT = 8;
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String p = prefs.get("recent." + i, null);
            if (p != null) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    /** Moves {@code file} to the front. */
    public void add(Path file) {
        List<Path> list = list();
        Path abs = file.toAbsolutePath();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < LIMIT; i++) {
            if (i < list.size()) {
                prefs.put("recent." + i, list.get(i).toString());
            } else {
                prefs.remove("recent." + i);
            }
        }
    }
}
