package studio.backprop.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The short teaching text of a sample or a page: what to look at, what to try, and the formula at work, read from
 * {@code teaching.properties} beside this class (written in the project's own words, reviewed like code).
 *
 * @param look    what to watch
 * @param tryThis one thing to change and what it shows
 * @param formula the formula behind it
 */
public record TeachingText(String look, String tryThis, String formula) {

    private static final Properties TEXTS = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = TeachingText.class.getResourceAsStream("teaching.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the teaching texts shipped with the app cannot be read", e);
        }
        return p;
    }

    /** The text of a sample file (by its name without ".bps"), if the app ships one. */
    public static Optional<TeachingText> ofSample(Path sample) {
        String name = sample.getFileName().toString();
        return of(name.endsWith(".bps") ? name.substring(0, name.length() - 4)
                : name.endsWith(".bpgan") ? name.substring(0, name.length() - 6) : name);
    }

    /**
     * The text of the sample in {@code folder} whose {@code name = …} line is {@code documentName}: a network made
     * from a template keeps the template's name but has no file yet.
     */
    public static Optional<TeachingText> ofSampleNamed(String documentName, Path folder) {
        if (documentName == null || folder == null || !java.nio.file.Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bps")).sorted().toList()) {
                try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(f, StandardCharsets.UTF_8)) {
                    if (lines.limit(40).anyMatch(l -> l.strip().equals("name = " + documentName.strip()))) {
                        return ofSample(f);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The text of the page with this title, if there is one. */
    public static Optional<TeachingText> ofPage(String pageTitle) {
        return of("page." + pageTitle);
    }

    private static Optional<TeachingText> of(String key) {
        String look = TEXTS.getProperty(key + ".look");
        String tryThis = TEXTS.getProperty(key + ".try");
        String formula = TEXTS.getProperty(key + ".formula");
        return look == null || tryThis == null || formula == null ? Optional.empty()
                : Optional.of(new TeachingText(look, tryThis, formula));
    }

    /** The three parts as one block of text, each headed. */
    public String asText() {
        return "Look at: " + look + "\nTry: " + tryThis + "\nFormula: " + formula;
    }
}
