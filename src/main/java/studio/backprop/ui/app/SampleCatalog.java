package studio.backprop.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * The title and the one-line description of each shipped sample, and the order a course meets them in, read from
 * {@code samples.properties} beside this class. A file the catalogue does not know keeps its file name as title,
 * has no description and comes after the known ones.
 */
public final class SampleCatalog {

    private static final Properties TEXTS = load();
    private static final List<String> ORDER = Arrays.stream(TEXTS.getProperty("order", "").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).toList();

    private SampleCatalog() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = SampleCatalog.class.getResourceAsStream("samples.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the sample catalogue shipped with the app cannot be read", e);
        }
        return p;
    }

    /** "Perceptron: learning OR" for perceptron-or.bps; the bare file name for a file the catalogue lacks. */
    public static String title(Path sample) {
        return TEXTS.getProperty(key(sample) + ".title", key(sample));
    }

    /** One line about the sample; empty for a file the catalogue lacks. */
    public static String description(Path sample) {
        return TEXTS.getProperty(key(sample) + ".description", "");
    }

    /** True when the catalogue has a title and a description for this file. */
    public static boolean knows(Path sample) {
        return TEXTS.containsKey(key(sample) + ".title") && TEXTS.containsKey(key(sample) + ".description");
    }

    /** The samples in the catalogue's order, then the others by file name. */
    public static List<Path> inCourseOrder(List<Path> samples) {
        return samples.stream().sorted(Comparator.comparingInt((Path p) -> rank(p))
                .thenComparing(p -> p.getFileName().toString())).toList();
    }

    private static int rank(Path sample) {
        int i = ORDER.indexOf(key(sample));
        return i < 0 ? ORDER.size() : i;
    }

    private static String key(Path sample) {
        String name = sample.getFileName().toString();
        for (String extension : List.of(".bps", ".bpgan")) {
            if (name.endsWith(extension)) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }
}
