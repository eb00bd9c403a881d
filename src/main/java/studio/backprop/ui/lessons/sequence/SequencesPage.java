package studio.backprop.ui.lessons.sequence;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import studio.backprop.ui.app.Page;
import studio.backprop.ui.app.Pages;
import studio.backprop.ui.export.Exportable;

/**
 * The Sequences page: an RNN unrolled with its numbers, an LSTM's gates per step, the gradient per time step as the
 * recurrent weight varies (with clipping), and a small transformer's attention heads. Its computations run on the
 * page's own background thread with the engine's layers (see {@link SequenceLessons}); each result reaches the
 * views once, on the JavaFX thread.
 */
public final class SequencesPage implements Page {

    private static final double[] RECURRENT_WEIGHTS = {0.5, 0.9, 1.0, 1.1, 1.5};
    private static final List<String> GATE_TITLES = List.of("input gate i", "forget gate f", "candidate g",
            "output gate o", "cell c", "state h");

    private final Properties text = load();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sequence-lessons");
        t.setDaemon(true);
        return t;
    });
    private final UnrolledRnnView unrolled = new UnrolledRnnView();
    private final GradientFlowChart gradients = new GradientFlowChart();
    private final List<MatrixHeatmap> gates = new ArrayList<>();
    private final List<MatrixHeatmap> heads = List.of(new MatrixHeatmap("attention-head-1"),
            new MatrixHeatmap("attention-head-2"));
    private final MatrixHeatmap query = new MatrixHeatmap("attention-query");
    private final MatrixHeatmap key = new MatrixHeatmap("attention-key");
    private final MatrixHeatmap value = new MatrixHeatmap("attention-value");
    private final MatrixHeatmap positions = new MatrixHeatmap("positional-encoding");
    private final Slider recurrentWeight = new Slider(-3, 3, -1);
    private final TextField tokens = new TextField("7 2 9 4");
    private final Label lstmStatus = new Label();
    private final Label attentionStatus = new Label();
    private final ScrollPane content;
    private int lstmSteps;
    private int attentionSteps;
    private boolean started;
    private int pending;

    public SequencesPage(Pages.Context context) {
        for (String gate : GATE_TITLES) {
            gates.add(new MatrixHeatmap("lstm-" + gate.replace(' ', '-')));
        }
        VBox sections = new VBox(18, unrolledSection(), lstmSection(), gradientSection(), attentionSection());
        sections.setPadding(new Insets(12));
        content = new ScrollPane(sections);
        content.setFitToWidth(true);
        content.setId("sequences-page");
    }

    private Node unrolledSection() {
        recurrentWeight.setShowTickLabels(true);
        recurrentWeight.setMajorTickUnit(1);
        recurrentWeight.setPrefWidth(300);
        recurrentWeight.valueProperty().addListener((o, a, b) -> computeUnrolled());
        HBox controls = new HBox(8, new Label("w_h"), recurrentWeight);
        return section("unrolled", controls, unrolled);
    }

    private Node lstmSection() {
        Button train = new Button("Train 300 more steps");
        train.setOnAction(e -> {
            lstmSteps += 300;
            computeLstm();
        });
        FlowPane grid = new FlowPane(8, 8);
        gates.forEach(g -> g.setPrefSize(300, 200));
        grid.getChildren().addAll(gates);
        return section("lstm", new HBox(8, train, lstmStatus), grid);
    }

    private Node gradientSection() {
        return section("gradients", new HBox(), gradients);
    }

    private Node attentionSection() {
        Button train = new Button("Train 400 more steps");
        train.setOnAction(e -> {
            attentionSteps += 400;
            computeAttention();
        });
        tokens.setPrefColumnCount(10);
        tokens.setOnAction(e -> computeAttention());
        FlowPane grid = new FlowPane(8, 8);
        heads.forEach(h -> h.setPrefSize(260, 230));
        for (MatrixHeatmap m : List.of(query, key, value)) {
            m.setPrefSize(300, 200);
        }
        positions.setPrefSize(560, 200);
        grid.getChildren().addAll(heads);
        grid.getChildren().addAll(query, key, value, positions);
        return section("attention", new HBox(8, new Label("input tokens (4, from 0 to 9)"), tokens, train,
                attentionStatus), grid);
    }

    private Node section(String key, Node controls, Node view) {
        Label title = new Label(text.getProperty(key + ".title", key));
        title.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        Label body = new Label(text.getProperty(key + ".text", ""));
        body.setWrapText(true);
        return new VBox(6, title, body, controls, view);
    }

    // ---------------------------------------------------------------- computations, off the FX thread

    private void computeUnrolled() {
        double wh = recurrentWeight.getValue();
        run(() -> SequenceLessons.unrolled(new double[] {1, 0, -1}, 0.5, wh, 0.1, 2, -0.5), unrolled::show);
    }

    private void computeLstm() {
        int steps = lstmSteps;
        lstmStatus.setText("training…");
        run(() -> SequenceLessons.lstmGates(steps), this::showLstm);
    }

    private void computeGradients() {
        run(() -> SequenceLessons.gradientFlow(RECURRENT_WEIGHTS, 12, 1.0), gradients::show);
    }

    private void computeAttention() {
        float[] input = parseTokens();
        if (input == null) {
            attentionStatus.setText("type 4 whole numbers from 0 to 9, e.g. 7 2 9 4");
            return;
        }
        int steps = attentionSteps;
        attentionStatus.setText("training…");
        run(() -> SequenceLessons.attention(steps, input), this::showAttention);
    }

    private <T> void run(Supplier<T> computation, Consumer<T> show) {
        pending++;
        worker.execute(() -> {
            try {
                T result = computation.get();
                Platform.runLater(() -> {
                    show.accept(result);
                    pending--;
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    attentionStatus.setText("a lesson computation failed: " + e.getMessage());
                    pending--;
                });
            }
        });
    }

    private float[] parseTokens() {
        String[] parts = tokens.getText().trim().split("[\\s,]+");
        if (parts.length != 4) {
            return null;
        }
        float[] out = new float[4];
        for (int i = 0; i < 4; i++) {
            try {
                int v = Integer.parseInt(parts[i]);
                if (v < 0 || v > 9) {
                    return null;
                }
                out[i] = v;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- results, on the FX thread

    private void showLstm(SequenceLessons.LstmGates result) {
        List<String> steps = IntStream.rangeClosed(1, result.input().length)
                .mapToObj(t -> "x=" + (int) result.input()[t - 1]).toList();
        List<String> units = IntStream.rangeClosed(1, 4).mapToObj(u -> "unit " + u).toList();
        for (int k = 0; k < gates.size(); k++) {
            boolean unit = k != 2 && k != 4 && k != 5;
            gates.get(k).show(GATE_TITLES.get(k) + " per step", result.values().get(k), units, steps, unit);
        }
        lstmStatus.setText(result.trainedSteps() == 0 ? "untrained (fresh weights)" : String.format(Locale.ROOT,
                "after %d steps, loss %.4f", result.trainedSteps(), result.loss()));
    }

    private void showAttention(SequenceLessons.AttentionPicture p) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int t = 0; t < p.tokens().length; t++) {
            in.add("in " + (int) p.tokens()[t]);
            out.add("out " + (t + 1) + ": " + (int) p.predicted()[t]);
        }
        for (int h = 0; h < heads.size(); h++) {
            heads.get(h).show("head " + (h + 1) + ": attention weights", p.headWeights().get(h), out, in, true);
        }
        List<String> dims = IntStream.rangeClosed(1, p.query()[0].length).mapToObj(String::valueOf).toList();
        query.show("Q (head 1)", p.query(), in, dims, false);
        key.show("K (head 1)", p.key(), in, dims, false);
        value.show("V (head 1)", p.value(), in, dims, false);
        List<String> pos = IntStream.range(0, p.positions().length).mapToObj(t -> "pos " + t).toList();
        List<String> cols = IntStream.range(0, p.positions()[0].length).mapToObj(String::valueOf).toList();
        positions.show("sinusoidal positional encoding", p.positions(), pos, cols, false);
        attentionStatus.setText(p.trainedSteps() == 0 ? "untrained (fresh weights)" : String.format(Locale.ROOT,
                "after %d steps, loss %.4f", p.trainedSteps(), p.loss()));
    }

    // ---------------------------------------------------------------- the page

    /** True once every computation asked for has been shown. */
    boolean settled() {
        return started && pending == 0;
    }

    @Override
    public String title() {
        return "Sequences";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public List<Exportable> exportables() {
        List<Exportable> all = new ArrayList<>(List.of(unrolled, gradients));
        all.addAll(gates);
        all.addAll(heads);
        all.addAll(List.of(query, key, value, positions));
        return all;
    }

    /** The first showing computes every picture (untrained networks), once. */
    @Override
    public void setShowing(boolean showing) {
        if (showing && !started) {
            started = true;
            computeUnrolled();
            computeLstm();
            computeGradients();
            computeAttention();
        }
    }

    @Override
    public void setDarkColours(boolean dark) {
        List.of(unrolled, gradients).forEach(v -> v.setDark(dark));
        gates.forEach(g -> g.setDark(dark));
        heads.forEach(h -> h.setDark(dark));
        List.of(query, key, value, positions).forEach(m -> m.setDark(dark));
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = SequencesPage.class.getResourceAsStream("sequences.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Sequences page's text shipped with the app cannot be read", e);
        }
        return p;
    }
}
