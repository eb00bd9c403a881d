package studio.backprop.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import studio.backprop.nn.ShapeReport;
import studio.backprop.spec.LayerCatalog;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.LayerType;
import studio.backprop.spec.Problem;
import studio.backprop.spec.SettingSpec;

/**
 * One box on the canvas: the layer's type (coloured by its palette group), its name, a short summary of its
 * settings, its parameter count, and its first problem in words, with an input port on the left and an output
 * port on the right. It only shows what it is given; the {@link EditorCanvas} turns gestures on it into commands.
 */
public final class LayerNode extends Region {

    /** Width of every box, so columns line up. */
    public static final double WIDTH = 176;
    private static final double PORT_RADIUS = 6;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final String name;
    private final VBox body = new VBox(1);
    private final Label type = new Label();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label params = new Label();
    private final Label problem = new Label();
    private final Circle inPort = new Circle(PORT_RADIUS);
    private final Circle outPort = new Circle(PORT_RADIUS);
    private final Tooltip tooltip = new Tooltip();

    LayerNode(String name, boolean isInput) {
        this.name = name;
        setId("node-" + name);
        getStyleClass().add("layer-node");
        HBox header = new HBox(type);
        header.getStyleClass().add("header");
        type.getStyleClass().add("type");
        title.getStyleClass().add("name");
        summary.getStyleClass().add("summary");
        params.getStyleClass().add("params");
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.setMaxWidth(WIDTH - 14);
        summary.setMaxWidth(WIDTH - 14);
        summary.setWrapText(true);
        VBox text = new VBox(1, title, summary, params, problem);
        text.setStyle("-fx-padding: 3 7 5 7;");
        body.getChildren().addAll(header, text);
        body.setPrefWidth(WIDTH);
        inPort.getStyleClass().addAll("port", "in-port");
        outPort.getStyleClass().addAll("port", "out-port");
        inPort.setVisible(!isInput);
        getChildren().addAll(body, inPort, outPort);
        for (javafx.scene.Node n : List.of(inPort, outPort)) {
            n.setManaged(false);
        }
        Tooltip.install(this, tooltip);
    }

    /** Shows the layer as it is now. */
    void show(LayerSpec layer, ShapeReport.NodeShape shape, List<Problem> problems, boolean selected) {
        LayerType t = LayerCatalog.type(layer.type());
        type.setText(layer.type());
        title.setText(layer.name());
        summary.setText(t == null ? "" : settingsSummary(layer, t));
        summary.setManaged(!summary.getText().isEmpty());
        summary.setVisible(summary.isManaged());
        params.setText(shape == null || shape.outputShape() == null ? "parameters: ?"
                : paramsText(shape.trainableCount() + shape.nonTrainableCount()));
        getStyleClass().removeIf(c -> !c.equals("layer-node"));
        getStyleClass().add(t == null ? "unknown" : t.group().toLowerCase(Locale.ROOT));
        showProblems(problems, t == null ? "" : t.help());
        pseudoClassStateChanged(SELECTED, selected);
    }

    /** Shows the network input with its shape. */
    void showInput(int[] shape, boolean selected) {
        type.setText("Input");
        title.setText("input");
        summary.setText("one sample: " + ShapeText.of(shape));
        params.setText("the data enters here");
        getStyleClass().removeIf(c -> !c.equals("layer-node"));
        getStyleClass().add("input");
        showProblems(List.of(), "The network input: one sample of the data set.");
        pseudoClassStateChanged(SELECTED, selected);
    }

    private void showProblems(List<Problem> problems, String help) {
        List<String> errors = new ArrayList<>();
        problems.stream().filter(Problem::error).forEach(p -> errors.add(p.message()));
        List<String> all = new ArrayList<>(errors);
        problems.stream().filter(p -> !p.error()).forEach(p -> all.add("Warning: " + p.message()));
        problem.setText(all.isEmpty() ? "" : all.get(0));
        problem.setManaged(!all.isEmpty());
        problem.setVisible(!all.isEmpty());
        pseudoClassStateChanged(PROBLEM, !errors.isEmpty());
        tooltip.setText(all.isEmpty() ? help : String.join("\n", all));
    }

    private static String paramsText(long n) {
        return n == 0 ? "no parameters" : ShapeText.count(n) + (n == 1 ? " parameter" : " parameters");
    }

    /** The settings that say most about the layer: those typed, else the first one, at most three. */
    static String settingsSummary(LayerSpec layer, LayerType type) {
        List<String> parts = new ArrayList<>();
        for (SettingSpec s : type.settings()) {
            String value = layer.setting(s.key());
            boolean first = s == type.settings().get(0);
            if ((value != null || first) && parts.size() < 3) {
                String shown = value != null ? value : s.defaultValue();
                parts.add(s.kind() == SettingSpec.Kind.CHOICE ? shown : s.key() + " " + shown);
            }
        }
        return String.join(" · ", parts);
    }

    @Override
    protected void layoutChildren() {
        double h = getHeight();
        body.resizeRelocate(0, 0, WIDTH, h);
        inPort.setCenterX(0);
        inPort.setCenterY(h / 2);
        outPort.setCenterX(WIDTH);
        outPort.setCenterY(h / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return body.prefHeight(WIDTH);
    }

    public String name() {
        return name;
    }

    Circle inPort() {
        return inPort;
    }

    Circle outPort() {
        return outPort;
    }
}
