package studio.backprop.train.exercise;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormatException;
import studio.backprop.spec.ExerciseFormat;
import studio.backprop.spec.Problem;
import studio.backprop.train.DataResolutionException;
import studio.backprop.train.DataResolver;
import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;

/**
 * Sets an exercise: reads the file, compiles its network, runs the exercise's steps with recording on and turns the
 * step records into the {@link ExerciseSheet}. The numbers are the engine's, from the same records {@code trace} and
 * the stepper read. Runs on the caller's thread (the command line, or the app's I/O executor).
 */
public final class Exercises {

    /** An exercise file is a network file: the same limit on its size. */
    private static final long MAX_FILE = 64L << 20;

    private Exercises() {
    }

    /** The exercise of a file; its data is read from the file's folder (outside only with consent). */
    public static ExerciseSheet load(Path file, boolean allowOutsideData) throws ExerciseException, IOException {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new ExerciseException(file.getFileName() + " is a folder; name an exercise file (.bps)");
            }
            if (Files.size(file) > MAX_FILE) {
                throw new ExerciseException(file.getFileName() + " is larger than an exercise file can be ("
                        + (MAX_FILE >> 20) + " MB); is it an exercise file?");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ExerciseException(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new ExerciseException(file.getFileName() + ": this is not a text file (it is not valid UTF-8)");
        }
        Path folder = file.toAbsolutePath().getParent();
        return set(text, String.valueOf(file.getFileName()), folder, allowOutsideData);
    }

    /**
     * The exercise of a file's text.
     *
     * @param source the file name for messages
     * @param folder the folder its data paths are relative to
     */
    public static ExerciseSheet set(String text, String source, Path folder, boolean allowOutsideData)
            throws ExerciseException {
        ExerciseFormat.ExerciseFile file;
        try {
            file = ExerciseFormat.read(text, source);
        } catch (DocumentFormatException e) {
            throw new ExerciseException(e.getMessage());
        }
        Compilation c = DocumentCompiler.compile(file.document());
        if (!c.trainable()) {
            StringBuilder sb = new StringBuilder(source + ": the exercise's network cannot be run:");
            for (Problem p : c.errors()) {
                sb.append("\n  ").append(p.subject()).append(": ").append(p.message());
            }
            throw new ExerciseException(sb.toString());
        }
        TrainingData data;
        try {
            data = DataResolver.resolve(file.document(), folder, c.outputKind().classification(),
                    c.network().outputShape(), allowOutsideData);
        } catch (DataResolutionException e) {
            throw new ExerciseException(source + ": " + e.getMessage());
        }
        TrainingLoop loop = new TrainingLoop(c, data);
        loop.setRecording(true);
        List<StepRecord> records = new ArrayList<>();
        for (int s = 0; s < file.exercise().steps() && !loop.finished(); s++) {
            loop.stepBatch();
            records.add(loop.lastRecord());
        }
        return ExerciseSheet.of(file.document().name(), file.exercise(), records);
    }
}
