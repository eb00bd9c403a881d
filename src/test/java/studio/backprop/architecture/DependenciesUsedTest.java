package studio.backprop.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every library the product ships is still used by the main code (or the README must say why it stays). */
class DependenciesUsedTest {

    /** Each shipped artifact and what a use of it looks like in the sources or resources. */
    private static final Map<String, String> USES = Map.of(
            "javafx-fxml", "javafx.fxml",
            "controlsfx", "org.controlsfx",
            "ejml-core", "org.ejml",
            "ejml-fdense", "org.ejml.dense",
            "openjfx-monocle", "monocle");

    @Test
    void everyShippedLibraryIsUsed() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        StringBuilder code = new StringBuilder();
        for (Path root : new Path[] {Path.of("src", "main", "java"), Path.of("resources")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().matches(".*\\.(java|fxml|css|properties)")).toList()) {
                    code.append(Files.readString(f)).append('\n');
                }
            }
        }
        USES.forEach((artifact, use) -> {
            if (pom.contains("<artifactId>" + artifact + "</artifactId>")) {
                assertTrue(code.indexOf(use) >= 0, artifact + " is in pom.xml but nothing uses " + use
                        + ": use it or remove it, with the reason in the README");
            }
        });
    }
}
