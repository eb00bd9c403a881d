package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exercise FILE --sheet md|csv|png --out F [--solution]}: the sheet and its solution, from the command line. */
class ExerciseCommandTest {

    private static final String SHEET = "samples/exercise-backprop-2-2-2.bps";

    @TempDir
    Path dir;

    @Test
    void theMarkdownSheetLeavesTheQuestionsBlankAndTheSolutionFillsThemInBold() throws Exception {
        Path sheet = dir.resolve("sheet.md");
        Path solution = dir.resolve("solution.md");
        CliRun run = CliRun.of("exercise", SHEET, "--sheet", "md", "--out", sheet.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("Wrote the sheet of 'Exercise: backpropagation in a 2-2-2 sigmoid network' (21 questions) to "
                + sheet + "\n", run.out());
        assertEquals(0, CliRun.of("exercise", SHEET, "--out", solution.toString(), "--solution").code());
        List<String> questions = Files.readAllLines(sheet);
        assertEquals("# Exercise: backpropagation in a 2-2-2 sigmoid network", questions.get(0));
        assertTrue(questions.contains("| step | sample | part | value | formula | answer |"), questions.toString());
        assertTrue(questions.contains("| 1 | 1 | given | hidden/kernel[0,0] |  | 0.15 |"), questions.toString());
        assertTrue(questions.contains("| 1 | 1 | forward | hidden/matMul[0] | Y = A·B | 0.0275 |"),
                "a value the student is given reads without float noise");
        assertTrue(questions.contains("| 1 | 1 | forward | output/sigmoid[0] | y = sigmoid(x) |  |"),
                "a question is blank");
        String answers = Files.readString(solution);
        assertTrue(answers.startsWith("# Exercise: backpropagation in a 2-2-2 sigmoid network (solution)\n"));
        assertTrue(answers.contains("| 1 | 1 | forward | output/sigmoid[0] | y = sigmoid(x) | **0.751365** |\n"),
                answers);
        assertTrue(answers.contains("| 1 | 1 | backward | ∂L/∂output/z[0] |  | **0.138499** |\n"), answers);
        assertTrue(answers.contains("| 1 | 1 | update | output/kernel'[0,0] | output/kernel' = output/kernel − "
                + "η·∂L/∂output/kernel | **0.358916** |\n"), answers);
    }

    @Test
    void theCsvSheetHasOneLinePerValueAndSaysWhichAreQuestions() throws Exception {
        CliRun run = CliRun.of("exercise", "samples/exercise-perceptron-or.bps", "--sheet", "csv", "--solution");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("step,sample,part,value,formula,answer,question", lines.get(0));
        assertTrue(lines.contains("1,3,forward,z,z = w·x + b,0,yes"), lines.toString());
        assertTrue(lines.contains("4,2,update,w'[1],the rule's new w,1,yes"), lines.toString());
        assertTrue(lines.contains("1,3,given,x[0],,1,no"), lines.toString());
    }

    @Test
    void thePngSheetIsDrawnWithoutADisplay() throws Exception {
        Path png = dir.resolve("sheet.png");
        CliRun run = CliRun.of("exercise", "samples/exercise-convolution.bps", "--out", png.toString(), "--scale",
                "2");
        assertEquals(0, run.code(), run.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 1000 && image.getHeight() > 1400, image.getWidth() + "×" + image.getHeight());
        assertEquals(0xffffffff, image.getRGB(2, 2), "a sheet is drawn on white");
        int boxes = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boxes += (image.getRGB(x, y) & 0xffffff) == 0xfff8dc ? 1 : 0;
            }
        }
        assertTrue(boxes > 9 * 1000, "nine question boxes at 2×: " + boxes + " pixels");
    }

    @Test
    void badInputIsAMessageInWords() throws Exception {
        CliRun format = CliRun.of("exercise", SHEET, "--sheet", "pdf");
        assertEquals(2, format.code());
        assertEquals("exercise: --sheet is md, csv or png, got 'pdf'\n", format.err());
        CliRun png = CliRun.of("exercise", SHEET, "--sheet", "png");
        assertEquals("exercise: a PNG needs a file: add --out sheet.png\n", png.err());
        CliRun plain = CliRun.of("exercise", "samples/backprop-2-2-2-exercise.bps");
        assertEquals(2, plain.code());
        assertTrue(plain.err().startsWith("backprop-2-2-2-exercise.bps, line 1: this network file has no [exercise] "
                + "section"), plain.err());
        Path wrong = dir.resolve("wrong.bps");
        Files.writeString(wrong, Files.readString(Path.of(SHEET)).replace("hide = hidden/z,", "hide = hidden/q,"));
        CliRun name = CliRun.of("exercise", wrong.toString());
        assertEquals(2, name.code());
        assertTrue(name.err().startsWith("wrong.bps, line 49: hide 'hidden/q': this network has no such value; its "
                + "values are input, target, hidden/kernel"), name.err());
        assertFalse(name.err().contains("Exception"), name.err());
    }
}
