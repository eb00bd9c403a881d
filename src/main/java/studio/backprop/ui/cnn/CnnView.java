package studio.backprop.ui.cnn;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import studio.backprop.ui.export.Exportable;

/**
 * The CNN page's content: sub-pages for what each layer sees (a strip of samples to choose from, a pad to draw a
 * digit on, the class probabilities and every layer's feature maps) and the other CNN panels. When the open network
 * does not take images, a sentence says why in place of the panels.
 */
public final class CnnView extends StackPane {

    private final CnnViewModel model;
    private final WeightsViewModel weights;
    private final WhyView why;
    private final EvaluationView evaluation;
    private Tab evaluationTab;
    private final KernelsView kernels;
    private final DistributionsView distributions;
    private final FeatureMapsView maps;
    private final DigitPad pad;
    private final ProbabilityBars bars;
    private final SegmentedButton scaleButtons;
    private final TabPane tabs = new TabPane();
    private final List<Exportable> exportables = new ArrayList<>();

    public CnnView(CnnViewModel model, WeightsViewModel weights, WhyViewModel why, EvaluationViewModel evaluation) {
        this.model = model;
        this.weights = weights;
        this.why = new WhyView(why);
        this.evaluation = new EvaluationView(evaluation);
        getStyleClass().add("cnn-page");
        maps = new FeatureMapsView(model);
        pad = new DigitPad(model);
        bars = new ProbabilityBars(model);
        scaleButtons = scaleButtons();
        kernels = new KernelsView(weights);
        distributions = new DistributionsView(weights);
        exportables.addAll(List.of(maps, pad, bars, kernels, distributions, this.why, this.evaluation));
        StackPane layers = new StackPane(layersPage(), whyNot());
        tabs.getTabs().add(tab("What each layer sees", layers));
        tabs.getTabs().add(tab("Kernels and weights", weightsPage()));
        tabs.getTabs().add(tab("Why this class", whyPage(why)));
        evaluationTab = tab("Evaluation", new ScrollPane(this.evaluation));
        tabs.getTabs().add(evaluationTab);
        getChildren().add(tabs);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> activate(b.intValue()));
        activate(tabs.getSelectionModel().getSelectedIndex());
    }

    /** Only the selected sub-page's views draw; the others catch up when shown. */
    private void activate(int selected) {
        maps.setActive(selected == 0);
        kernels.setActive(selected == 1);
        distributions.setActive(selected == 1);
        why.setActive(selected == 2);
        evaluation.setActive(selected == 3);
    }

    /** Whether the "Why this class" tab is the one selected (the attribution is asked for only then). */
    public javafx.beans.property.ReadOnlyBooleanProperty whySelectedProperty() {
        return tabs.getTabs().get(2).selectedProperty();
    }

    /** In place of the layers' panels when the network takes no image: why, in words. */
    private Label whyNot() {
        Label why = new Label();
        why.getStyleClass().add("cnn-not-applicable");
        why.setWrapText(true);
        why.setMaxWidth(560);
        why.setPadding(new Insets(24));
        why.textProperty().bind(model.notApplicableProperty());
        why.visibleProperty().bind(model.notApplicableProperty().isNotEmpty());
        StackPane.setAlignment(why, Pos.TOP_LEFT);
        return why;
    }

    private BorderPane whyPage(WhyViewModel whyModel) {
        Slider epsilon = new Slider(0, 0.5, whyModel.epsilonProperty().get());
        epsilon.setPrefWidth(260);
        epsilon.setShowTickLabels(true);
        epsilon.setMajorTickUnit(0.1);
        whyModel.epsilonProperty().bind(epsilon.valueProperty());
        Label value = new Label();
        value.textProperty().bind(epsilon.valueProperty().asString(java.util.Locale.ROOT, "ε = %.3f"));
        Label what = new Label("for the chosen input (pick a sample or draw a digit on the first tab)");
        HBox top = new HBox(10, new Label("Adversarial step (FGSM)"), epsilon, value, what);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        ScrollPane scroll = new ScrollPane(why);
        BorderPane page = new BorderPane(new StackPane(scroll, whyNot()));
        page.setTop(top);
        return page;
    }

    private BorderPane weightsPage() {
        javafx.scene.control.CheckBox summed = new javafx.scene.control.CheckBox("conv kernels summed over input "
                + "channels");
        weights.summedOverChannelsProperty().bind(summed.selectedProperty());
        javafx.scene.control.ComboBox<String> matrix = new javafx.scene.control.ComboBox<>();
        matrix.setPromptText("weight matrix");
        weights.changesProperty().addListener((o, a, b) -> {
            List<String> names = kernels.matrices();
            if (!names.equals(matrix.getItems())) {
                matrix.getItems().setAll(names);
            }
        });
        matrix.valueProperty().addListener((o, a, v) -> weights.matrixProperty().set(v));
        HBox top = new HBox(12, summed, new Label("Matrix drawn:"), matrix);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        VBox body = new VBox(8, kernels, distributions);
        body.getChildren().forEach(n -> n.getStyleClass().add("cnn-panel"));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        BorderPane page = new BorderPane(scroll);
        page.setTop(top);
        return page;
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    /** Adds a sub-page (another panel of the CNN page) and the views it offers to export. */
    public void addPanel(String title, javafx.scene.Node content, List<Exportable> views) {
        tabs.getTabs().add(tab(title, content));
        exportables.addAll(views);
    }

    private BorderPane layersPage() {
        Label hover = new Label();
        hover.getStyleClass().add("cnn-hover");
        hover.textProperty().bind(maps.readoutProperty());
        Label scaleLabel = new Label("Colour scale:");
        HBox top = new HBox(8, scaleLabel, scaleButtons, hover);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        SampleStrip strip = new SampleStrip(model);
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToHeight(true);
        stripScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        stripScroll.setMinHeight(80);
        ScrollPane mapsScroll = new ScrollPane(maps);
        mapsScroll.setFitToWidth(true);
        VBox centre = new VBox(4, new Label("  Pick a training sample (click a thumbnail), or draw a digit on the "
                + "left:"), stripScroll, mapsScroll);
        VBox.setVgrow(mapsScroll, Priority.ALWAYS);
        BorderPane page = new BorderPane(centre);
        page.setTop(top);
        page.setLeft(drawColumn());
        return page;
    }

    private VBox drawColumn() {
        Slider brush = new Slider(0.02, 0.08, pad.brushProperty().get());
        brush.setPrefWidth(90);
        brush.setMinWidth(60);
        pad.brushProperty().bind(brush.valueProperty());
        Button undo = new Button("Undo stroke");
        undo.setOnAction(e -> pad.undo());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> pad.clear());
        HBox controls = new HBox(6, new Label("Brush"), brush, undo, clear);
        ((Label) controls.getChildren().get(0)).setMinWidth(Region.USE_PREF_SIZE);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label noDrawing = new Label();
        noDrawing.setWrapText(true);
        noDrawing.setMaxWidth(320);
        model.compilationProperty().addListener((o, a, b) -> noDrawing.setText(drawingNote()));
        noDrawing.setText(drawingNote());
        VBox column = new VBox(8, new Label("Draw a digit"), pad, controls, noDrawing, bars);
        column.setPadding(new Insets(8));
        column.setPrefWidth(340);
        return column;
    }

    private String drawingNote() {
        return model.takesDrawnDigits() || !model.notApplicableProperty().get().isEmpty() ? ""
                : "This network's input is not 28×28×1, so a drawn digit cannot be fed to it; pick a sample instead.";
    }

    private SegmentedButton scaleButtons() {
        SegmentedButton b = new SegmentedButton();
        for (ColourScale s : ColourScale.values()) {
            ToggleButton t = new ToggleButton(s.label());
            t.setUserData(s);
            t.setSelected(s == model.colourScaleProperty().get());
            b.getButtons().add(t);
        }
        b.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
            } else {
                model.colourScaleProperty().set((ColourScale) t.getUserData());
            }
        });
        return b;
    }

    /** Every panel that can be saved as a picture. */
    public List<Exportable> exportables() {
        return List.copyOf(exportables);
    }

    public FeatureMapsView featureMaps() {
        return maps;
    }

    public DigitPad pad() {
        return pad;
    }

    public ProbabilityBars probabilities() {
        return bars;
    }

    public KernelsView kernels() {
        return kernels;
    }

    /** Whether the Evaluation tab is the one selected (it asks the trainer for predictions only then). */
    public javafx.beans.property.ReadOnlyBooleanProperty evaluationSelectedProperty() {
        return evaluationTab.selectedProperty();
    }

    public EvaluationView evaluation() {
        return evaluation;
    }

    public WhyView why() {
        return why;
    }

    public DistributionsView distributions() {
        return distributions;
    }

    public void setDarkColours(boolean dark) {
        maps.setDarkColours(dark);
        bars.setDarkColours(dark);
        kernels.setDarkColours(dark);
        why.setDarkColours(dark);
        evaluation.setDarkColours(dark);
        distributions.setDarkColours(dark);
    }
}
