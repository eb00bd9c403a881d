package studio.backprop.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import studio.backprop.io.SessionFile;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;
import studio.backprop.ui.headless.SessionPictures;
import studio.backprop.ui.headless.SessionView;

/**
 * {@code export SESSION --view VIEW --out FILE.png [--scale 1|2|4] [--background white|transparent|dark]
 * [--size WxH] [--log] [--neuron LAYER:UNIT]}: a picture of a saved session (a chart, the summary, the editor's
 * drawing of the network, or a Playground view), drawn without a display by the same views and export path as the
 * app.
 */
final class ExportCommand implements Command {

    private static final int MAX_SIDE = 8000;

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export SESSION --view VIEW --out FILE.png   a picture of a session, drawn as the app draws it\n"
                + "    VIEW: " + SessionView.names() + "\n"
                + "    [--scale 1|2|4] [--background white|transparent|dark] [--size 800x500] [--log]"
                + " [--neuron h1:3] [--sample N] [--layer NAME]";
    }

    @Override
    public Set<String> options() {
        return Set.of("view", "out", "scale", "background", "size", "neuron", "layer", "sample");
    }

    @Override
    public Set<String> flags() {
        return Set.of("log");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.maxPositional(1);
        Path session = Path.of(args.positional(0, "the session file"));
        SessionView view = view(args.option("view"));
        Path file = Path.of(required(args, "out", "the picture file (--out FILE.png)"));
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UsageException("export: --out must name a .png file, got '" + file + "'");
        }
        int scale = scale(args.option("scale"));
        ExportBackground background = background(args.option("background"));
        int[] size = size(args.option("size"), view);
        String[] neuron = neuron(args.option("neuron"), view);
        if (args.option("layer") != null && view != SessionView.FEATURE_MAPS) {
            throw new UsageException("export: --layer goes with --view feature-maps");
        }
        String tooLarge = view.chart() ? PngExporter.tooLarge((double) size[0] * scale, (double) size[1] * scale)
                : null;
        if (tooLarge != null) {
            throw new UsageException("export: --size " + size[0] + "x" + size[1] + " at --scale " + scale + ": "
                    + tooLarge);
        }
        if (!Files.exists(session)) {
            throw new UsageException(session + ": no such file");
        }
        TrainingLoop loop;
        try {
            loop = SessionFile.open(session);
        } catch (NoSuchFileException e) {
            throw new UsageException(session + ": no such file");
        }
        SessionPictures.Request request = new SessionPictures.Request(view, scale, background, size[0], size[1],
                args.flag("log"), neuron[0], Integer.parseInt(neuron[1]), args.option("layer"),
                sample(args.option("sample"), view));
        try {
            SessionPictures.write(loop, request, file);
        } catch (IllegalArgumentException e) {
            throw new UsageException("export: the " + view.id() + " view cannot be drawn for " + session + ": "
                    + e.getMessage());
        }
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

    private static SessionView view(String v) throws UsageException {
        if (v == null) {
            throw new UsageException("export: the view (--view " + SessionView.names() + ") is missing");
        }
        try {
            return SessionView.parse(v);
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

    /** The training sample (from 1) of the feature-maps view, 1 by default; refused with another view. */
    private static int sample(String v, SessionView view) throws UsageException {
        if (view != SessionView.FEATURE_MAPS) {
            if (v != null) {
                throw new UsageException("export: --sample goes with --view feature-maps");
            }
            return 0;
        }
        if (v == null) {
            return 1;
        }
        if (!v.trim().matches("[0-9]{1,9}")) {
            throw new UsageException("export: --sample takes a training sample's number, from 1; got '" + v + "'");
        }
        return Integer.parseInt(v.trim());
    }

    /** LAYER:UNIT for the neuron view ("h1:3", units counted from 1); {"", "0"} for the other views. */
    private static String[] neuron(String v, SessionView view) throws UsageException {
        if (view != SessionView.NEURON) {
            if (v != null) {
                throw new UsageException("export: --neuron goes with --view neuron");
            }
            return new String[] {"", "0"};
        }
        if (v == null) {
            throw new UsageException("export: the neuron view needs --neuron LAYER:UNIT, e.g. --neuron h1:3");
        }
        String[] parts = v.trim().split(":");
        if (parts.length != 2 || parts[0].isBlank() || !parts[1].trim().matches("[0-9]{1,6}")) {
            throw new UsageException("export: --neuron takes LAYER:UNIT with the unit counted from 1, e.g. h1:3;"
                    + " got '" + v + "'");
        }
        return new String[] {parts[0].trim(), parts[1].trim()};
    }

    /** WIDTHxHEIGHT in logical pixels; charts default to 800×500, the other views to their own size. */
    private static int[] size(String v, SessionView view) throws UsageException {
        if (v == null) {
            return view.chart() ? new int[] {800, 500} : new int[] {0, 0};
        }
        if (!view.chart()) {
            throw new UsageException("export: --size is for the charts; the " + view.id()
                    + " view has its own size");
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
