package studio.backprop.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import studio.backprop.train.exercise.ExerciseException;
import studio.backprop.train.exercise.ExerciseSheet;
import studio.backprop.train.exercise.Exercises;
import studio.backprop.train.exercise.SheetText;
import studio.backprop.ui.exercise.SheetExport;
import studio.backprop.ui.headless.HeadlessFx;

/**
 * {@code exercise FILE [--sheet md|csv|png] [--out FILE] [--solution] [--scale 1|2|4]}: the exercise sheet of an
 * exercise file (the questions as a table, the hidden cells blank) or its solution, as Markdown, CSV or a PNG drawn
 * without a display. Without {@code --out} the text goes to standard output.
 */
final class ExerciseCommand implements Command {

    @Override
    public String name() {
        return "exercise";
    }

    @Override
    public String usage() {
        return "exercise FILE [--sheet md|csv|png] [--out FILE] [--solution] [--scale 1|2|4]   an exercise sheet "
                + "or its solution";
    }

    @Override
    public Set<String> options() {
        return Set.of("sheet", "out", "scale");
    }

    @Override
    public Set<String> flags() {
        return Set.of("solution");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.maxPositional(1);
        Path file = Path.of(args.positional(0, "the exercise file"));
        String outName = args.option("out");
        Path target = outName == null ? null : Path.of(outName);
        SheetExport.Format format = format(args.option("sheet"), target);
        boolean solution = args.flag("solution");
        int scale = args.intOption("scale", 1, 1, 4);
        if (scale == 3) {
            throw new UsageException("exercise: --scale is 1, 2 or 4, got 3");
        }
        if (format == SheetExport.Format.PNG && target == null) {
            throw new UsageException("exercise: a PNG needs a file: add --out sheet.png");
        }
        ExerciseSheet sheet;
        try {
            sheet = Exercises.load(file, args.flag("allow-outside-data"));
        } catch (ExerciseException e) {
            throw new UsageException(e.getMessage());
        }
        if (target == null) {
            out.print(format == SheetExport.Format.CSV ? SheetText.csv(sheet, solution)
                    : SheetText.markdown(sheet, solution));
            return 0;
        }
        if (format == SheetExport.Format.PNG) {
            HeadlessFx.call(() -> {
                SheetExport.write(sheet, solution, format, target, scale);
                return null;
            });
        } else {
            SheetExport.write(sheet, solution, format, target, scale);
        }
        out.println("Wrote the " + (solution ? "solution" : "sheet") + " of '" + sheet.title() + "' ("
                + sheet.questions() + " question" + (sheet.questions() == 1 ? "" : "s") + ") to " + target);
        return 0;
    }

    /** --sheet, else the --out file's extension, else Markdown. */
    private static SheetExport.Format format(String option, Path target) throws UsageException {
        if (option != null) {
            SheetExport.Format f = SheetExport.Format.named(option);
            if (f == null) {
                throw new UsageException("exercise: --sheet is md, csv or png, got '"
                        + studio.backprop.tensor.Excerpt.of(option) + "'");
            }
            return f;
        }
        SheetExport.Format f = target == null ? null : SheetExport.Format.of(target);
        return f == null ? SheetExport.Format.MD : f;
    }
}
