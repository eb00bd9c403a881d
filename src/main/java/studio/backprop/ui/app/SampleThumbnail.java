package studio.backprop.ui.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import studio.backprop.nn.ShapeReport;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.DocumentFormatException;
import studio.backprop.spec.NetworkDocument;

/**
 * A small picture of a sample's architecture for the gallery: the input and each layer as a bar whose height grows
 * with the logarithm of its output size, coloured by kind (dense, convolution, pooling, other), joined left to
 * right. Drawn from the file itself, so a new sample gets its picture without anyone making one.
 */
final class SampleThumbnail {

    static final double WIDTH = 120;
    static final double HEIGHT = 54;

    /** One column of the picture: the kind of layer and its output size (values per sample). */
    record Column(String kind, long size) {
    }

    private static final Map<Path, List<Column>> CACHE = new ConcurrentHashMap<>();

    private SampleThumbnail() {
    }

    /** The columns of a sample file: input first; empty when the file cannot be read or compiled. */
    static List<Column> columns(Path sample) {
        return CACHE.computeIfAbsent(sample.toAbsolutePath(), SampleThumbnail::read);
    }

    private static List<Column> read(Path sample) {
        if (GanFiles.named(sample)) {
            return readGan(sample);
        }
        NetworkDocument doc;
        try {
            doc = DocumentFormat.read(Files.readString(sample, StandardCharsets.UTF_8), sample.getFileName()
                    .toString());
        } catch (IOException | DocumentFormatException e) {
            return List.of();
        }
        Compilation c = DocumentCompiler.compile(doc);
        List<Column> out = new ArrayList<>();
        out.add(new Column("input", product(doc.inputShape())));
        if (c.shapes() != null) {
            for (ShapeReport.NodeShape n : c.shapes().nodes()) {
                if (n.outputShape() != null && !n.name().equals("input")) {
                    out.add(new Column(n.type(), product(n.outputShape())));
                }
            }
        }
        return List.copyOf(out);
    }

    /** A GAN: the generator from its noise to one sample, then the discriminator from that sample to its logit. */
    private static List<Column> readGan(Path sample) {
        studio.backprop.spec.GanCompilation c;
        try {
            c = studio.backprop.spec.GanCompiler.compile(studio.backprop.spec.GanFormat.read(Files.readString(sample,
                    StandardCharsets.UTF_8), sample.getFileName().toString()));
        } catch (IOException | DocumentFormatException e) {
            return List.of();
        }
        List<Column> out = new ArrayList<>();
        out.add(new Column("input", c.document().latent()));
        for (Compilation part : List.of(c.generator(), c.discriminator())) {
            if (part.shapes() != null) {
                for (ShapeReport.NodeShape n : part.shapes().nodes()) {
                    if (n.outputShape() != null && !n.name().equals("input")) {
                        out.add(new Column(n.type(), product(n.outputShape())));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static long product(int[] shape) {
        long p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }

    /** The picture of a sample. */
    static Canvas of(Path sample) {
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        draw(canvas.getGraphicsContext2D(), columns(sample));
        return canvas;
    }

    private static void draw(GraphicsContext g, List<Column> columns) {
        g.setFill(Color.web("#f3f5f8"));
        g.fillRoundRect(0, 0, WIDTH, HEIGHT, 8, 8);
        if (columns.isEmpty()) {
            return;
        }
        double largest = columns.stream().mapToDouble(c -> Math.log(c.size() + 1)).max().orElse(1);
        double step = (WIDTH - 16) / Math.max(1, columns.size() - 1);
        double barWidth = Math.min(10, Math.max(3, step * 0.45));
        double[] tops = new double[columns.size()];
        double mid = HEIGHT / 2;
        for (int i = 0; i < columns.size(); i++) {
            double h = Math.max(4, (HEIGHT - 10) * Math.log(columns.get(i).size() + 1) / largest);
            tops[i] = h;
        }
        g.setStroke(Color.web("#9aa5b1"));
        g.setLineWidth(1);
        for (int i = 1; i < columns.size(); i++) {
            double x0 = 8 + (i - 1) * step;
            double x1 = 8 + i * step;
            g.strokeLine(x0, mid - tops[i - 1] / 2, x1, mid - tops[i] / 2);
            g.strokeLine(x0, mid + tops[i - 1] / 2, x1, mid + tops[i] / 2);
        }
        for (int i = 0; i < columns.size(); i++) {
            double x = 8 + i * step - barWidth / 2;
            g.setFill(colour(columns.get(i).kind()));
            g.fillRoundRect(x, mid - tops[i] / 2, barWidth, tops[i], 3, 3);
        }
    }

    private static Color colour(String kind) {
        if (kind.equals("input")) {
            return Color.web("#5f6b7a");
        }
        if (kind.startsWith("Conv")) {
            return Color.web("#e07b39");
        }
        if (kind.contains("Pool") || kind.startsWith("UpSampling")) {
            return Color.web("#3a9d5d");
        }
        if (kind.equals("Dense") || kind.equals("Perceptron")) {
            return Color.web("#3b6fd4");
        }
        return Color.web("#a06cc9");
    }
}
