package studio.backprop.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import studio.backprop.io.SessionFile;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.charts.ChartKind;
import studio.backprop.ui.charts.ExportBackground;
import studio.backprop.ui.charts.HeadlessExport;

/**
 * {@code export SESSION --view loss|accuracy|learning-rate|summary --out FILE.png [--scale 1|2|4]
 * [--background white|transparent|dark] [--size WxH] [--log]}: a picture of a saved session, drawn without a
 * display by the same views and export path as the app.
 */
final class ExportCommand implements Command {

    private static final int MAX_SIDE = 8000;

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export SESSION --view loss|accuracy|learning-rate|summary --out FILE.png   a picture of a session\n"
                + "    [--scale 1|2|4] [--background white|transparent|dark] [--size 800x500] [--log]";
    }

    @Override
    public Set<String> options() {
        return Set.of("view", "out", "scale", "background", "size");
    }

    @Override
    public Set<String> flags() {
        return Set.of("log");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.maxPositional(1);
        Path session = Path.of(args.positional(0, "the session file"));
        ChartKind kind = kind(args.option("view"));
        Path file = Path.of(required(args, "out", "the picture file (--out FILE.png)"));
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UsageException("export: --out must name a .png file, got '" + file + "'");
        }
        int scale = scale(args.option("scale"));
        ExportBackground background = background(args.option("background"));
        int[] size = size(args.option("size"), kind);
        if (!Files.exists(session)) {
            throw new UsageException(session + ": no such file");
        }
        TrainingLoop loop;
        try {
            loop = SessionFile.open(session);
        } catch (NoSuchFileException e) {
            throw new UsageException(session + ": no such file");
        }
        HeadlessExport.write(loop, kind, file, scale, background, size[0], size[1], args.flag("log"));
        out.println("Wrote " + file);
        return 0;
    }

    private static String required(Args args, String option, String what) throws UsageException {
        String v = args.option(option);
        if (v == null) {
            throw new UsageException("export: " + what + " is missing");
        }
        return v;
    }

    private static ChartKind kind(String v) throws UsageException {
        if (v == null) {
            throw new UsageException("export: the view (--view loss|accuracy|learning-rate|summary) is missing");
        }
        try {
            return ChartKind.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("export: " + e.getMessage());
        }
    }

    private static int scale(String v) throws UsageException {
        if (v == null) {
            return 1;
        }
        return switch (v.trim()) {
            case "1" -> 1;
            case "2" -> 2;
            case "4" -> 4;
            default -> throw new UsageException("export: --scale must be 1, 2 or 4, got '" + v + "'");
        };
    }

    private static ExportBackground background(String v) throws UsageException {
        try {
            return v == null ? ExportBackground.WHITE : ExportBackground.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("export: " + e.getMessage());
        }
    }

    /** WIDTHxHEIGHT in logical pixels; charts default to 800×500, the summary to its own size. */
    private static int[] size(String v, ChartKind kind) throws UsageException {
        if (v == null) {
            return kind == ChartKind.SUMMARY ? new int[] {0, 0} : new int[] {800, 500};
        }
        String[] parts = v.trim().toLowerCase(Locale.ROOT).split("[x×]");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].trim());
                int h = Integer.parseInt(parts[1].trim());
                if (w >= 100 && h >= 80 && w <= MAX_SIDE && h <= MAX_SIDE) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("export: --size takes WIDTHxHEIGHT between 100x80 and " + MAX_SIDE + "x" + MAX_SIDE
                + ", got '" + v + "'");
    }
}
