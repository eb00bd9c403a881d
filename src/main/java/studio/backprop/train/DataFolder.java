package studio.backprop.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import studio.backprop.data.SampleData;
import studio.backprop.tensor.Excerpt;

/**
 * Where a network file may read data from: its own folder (and below), or the bundled samples folder. A file
 * received from someone else could otherwise read any file the user can read ({@code ../secret/grades.csv},
 * {@code /etc/passwd}, a class folder linked to {@code /etc}) and carry its rows away in a saved session.
 *
 * <p>Paths are resolved against the network file's folder and compared after following every link
 * ({@link Path#toRealPath}), so a link inside the folder that points out of it is outside too. Reading outside
 * needs the user's explicit consent: {@code --allow-outside-data} on the command line, a question in the app
 * ({@link #outside} lists what to ask about, then the resolver is called with {@code allowOutside}).
 */
public final class DataFolder {

    /** The [data] settings that name files or folders. */
    static final List<String> PATH_KEYS = List.of("file", "images", "labels", "folder");

    private final Path base;
    private final boolean allowOutside;

    /**
     * @param base         the network file's folder
     * @param allowOutside true when the user agreed to reading data outside it
     */
    public DataFolder(Path base, boolean allowOutside) {
        this.base = base.toAbsolutePath().normalize();
        this.allowOutside = allowOutside;
    }

    /**
     * The path a [data] setting names, resolved against the network file's folder.
     *
     * @throws DataOutsideFolderException when it lies outside the folder (after links) and consent was not given
     */
    Path resolve(String source, String key, String text) {
        Path p = base.resolve(text.trim()).normalize();
        if (!allowOutside && !inside(p)) {
            throw new DataOutsideFolderException("[data " + source + "], " + key + ": '" + Excerpt.of(text.trim())
                    + "' lies outside the network file's folder" + (Files.isSymbolicLink(p) ? " (through a link)" : "")
                    + "; a network file may read data only beside it or in the bundled samples. If you trust this "
                    + "file, allow it: --allow-outside-data on the command line, or answer yes when the app asks",
                    p);
        }
        return p;
    }

    /** True when {@code p}, links followed, lies in the base folder or the bundled samples folder. */
    boolean inside(Path p) {
        Path real = real(p);
        for (Path root : roots()) {
            if (real.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    private List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        roots.add(real(base));
        String property = System.getProperty(SampleData.SAMPLES_PROPERTY);
        Path samples = property != null ? Path.of(property) : Path.of("samples");
        if (Files.isDirectory(samples)) {
            roots.add(real(samples.toAbsolutePath().normalize()));
        }
        return roots;
    }

    /** The path with every link followed; for a path that does not exist yet, its deepest existing parent's. */
    private static Path real(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /**
     * The data paths a document names that lie outside {@code base}: what the app asks the user about before
     * resolving with consent. Empty when there is nothing to ask.
     */
    public static List<Path> outside(studio.backprop.spec.NetworkDocument doc, Path base) {
        DataFolder folder = new DataFolder(base, false);
        List<Path> out = new ArrayList<>();
        for (String key : PATH_KEYS) {
            String text = doc.data().get(key);
            if (text != null && !text.isBlank()) {
                Path p = folder.base.resolve(text.trim()).normalize();
                if (!folder.inside(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
