package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Saving an exercise file from the app writes its [exercise] section back, word for word, after the network. */
class ExerciseSurvivesSavingTest {

    @Test
    void theQuestionsComeBackAfterTheNetworkWhenAnEditedExerciseIsSaved() throws Exception {
        String text = Files.readString(Path.of("samples", "exercise-perceptron-or.bps"));
        NetworkDocument doc = DocumentFormat.read(text, "exercise-perceptron-or.bps");
        String saved = DocumentFormat.write(doc.withDescription("edited in the app"));
        String section = text.substring(text.indexOf("[exercise]")).strip();
        assertTrue(saved.strip().endsWith(section), saved);
        assertTrue(ExerciseFormat.hasExercise(saved));
        ExerciseFormat.read(saved, "saved");
        NetworkDocument again = DocumentFormat.read(saved, "saved");
        assertEquals(doc.withDescription("edited in the app"), again, "the network reads back the same");
        assertEquals(saved, DocumentFormat.write(again), "saving twice writes the section once");
    }

    @Test
    void aNetworkWithoutAnExerciseGainsNoSection() throws Exception {
        String text = Files.readString(Path.of("samples", "perceptron-or.bps"));
        String saved = DocumentFormat.write(DocumentFormat.read(text, "perceptron-or.bps"));
        assertTrue(!saved.contains("[exercise]"));
    }
}
