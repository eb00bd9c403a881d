package studio.backprop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.cli.Main;

/**
 * Nothing in a network file or a session is ever executed: the program has no way to start a process, run a
 * script, deserialise Java objects or load classes by name, and text built to do so in a file stays text.
 */
class NothingIsExecutedTest {

    @TempDir
    Path dir;

    @Test
    void theProgramCannotStartProcessesRunScriptsOrDeserialiseObjects() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("studio.backprop");
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .orShould().callMethod(Runtime.class, "exec", String.class)
                .orShould().callMethod(Runtime.class, "exec", String[].class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .orShould().dependOnClassesThat().resideInAnyPackage("javax.script..", "javax.naming..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLClassLoader")
                .orShould().callMethod(Class.class, "forName", String.class)
                .orShould().callMethod(System.class, "load", String.class)
                .orShould().callMethod(System.class, "loadLibrary", String.class)
                .check(classes);
    }

    @Test
    void textMadeToLookLikeCommandsStaysText() throws IOException {
        Path marker = dir.resolve("pwned");
        String[] payloads = {"$(touch " + marker + ")", "`touch " + marker + "`", "; touch " + marker,
            "| touch " + marker, "${jndi:ldap://localhost/x}", "${java:os}", "#{7*7}", "%{touch}"};
        for (String p : payloads) {
            Path file = Files.writeString(dir.resolve("net.bps"), "backprop-studio network 1\nname = " + p
                    + "\ndescription = " + p + "\ninput = 2\n[layer out]\ntype = Dense\nunits = 1\n[loss mse]\n"
                    + "[optimizer sgd]\n[training]\nepochs = 1\n[data csv]\nfile = " + p + "\ndelimiter = ,\n");
            for (String command : new String[] {"summary", "train", "trace"}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = Main.run(new String[] {command, file.toString()}, new PrintStream(out, true,
                        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                assertTrue(code == 0 || code == 2, command + " " + p + ": " + err);
                assertFalse(Files.exists(marker), "a file's text ran as a command: " + p);
            }
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the network file itself");
        }
    }
}
