package studio.backprop.ui.app;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.charts.ChartPalette;
import studio.backprop.ui.charts.TrainingCharts;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.training.DatasetPanel;
import studio.backprop.ui.training.DatasetViewModel;
import studio.backprop.ui.training.PerceptronTraceView;
import studio.backprop.ui.training.PlaygroundView;
import studio.backprop.ui.runs.RacePanel;
import studio.backprop.ui.runs.RaceRunner;
import studio.backprop.ui.runs.RunsPanel;
import studio.backprop.ui.runs.RunsViewModel;

/**
 * The Training page: the 2-D data panel, the Playground (the network with a heatmap per neuron and the output over
 * the plane) and the loss, accuracy and learning-rate charts, all fed by the session's snapshots and probes.
 *
 * <p>When the document's data is a 2-D set (generated or drawn), the data panel drives it: its data replaces the
 * document's [data] section (an undoable edit) and the session's data. For any other data (MNIST, files) the panel
 * stays out of the way and says where the data comes from.
 */
final class TrainingPage implements Page {

    private final AppModel model;
    private final DatasetViewModel dataset = new DatasetViewModel();
    private final DatasetPanel datasetPanel = new DatasetPanel(dataset);
    private final PlaygroundView playground;
    private final TrainingCharts charts = new TrainingCharts();
    private final BooleanProperty planar = new SimpleBooleanProperty();
    /** Whether the open document is a perceptron: the data slot then shows the trace table. */
    private final BooleanProperty perceptron = new SimpleBooleanProperty();
    private final PerceptronTraceView trace;
    private final SplitPane split;
    private boolean showing;
    private final VBox content;
    private final SplitPane column;
    private boolean loading;
    private final RunsViewModel runs = new RunsViewModel();
    private final RaceRunner racer = new RaceRunner();
    private final RunsPanel runsPanel;
    private final studio.backprop.ui.runs.RunComparisonPicture comparison;

    TrainingPage(Pages.Context context) {
        this.model = context.model();
        runsPanel = runsPanel(context);
        playground = new PlaygroundView(model.training(), dataset);
        trace = new PerceptronTraceView(model.training());
        playground.planarDataProperty().bind(planar);
        playground.previewDocumentProperty().bind(model.documentProperty());
        followData();
        charts.bind(model.training());
        charts.presenterModeProperty().bind(model.presenterModeProperty());
        charts.paletteProperty().bind(Bindings.createObjectBinding(() -> model.themeProperty().get()
                == AppModel.Theme.LIGHT ? ChartPalette.LIGHT : ChartPalette.DARK, model.themeProperty()));
        comparison = new studio.backprop.ui.runs.RunComparisonPicture(charts);
        charts.setMinHeight(180);
        charts.setPrefHeight(250);
        column = new SplitPane(playground, charts);
        column.setOrientation(Orientation.VERTICAL);
        column.setDividerPositions(0.66);
        split = new SplitPane(leftColumn(), column);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.28);
        perceptron.bind(Bindings.createBooleanBinding(() -> {
            NetworkDocument doc = model.documentProperty().get();
            return doc != null && doc.optimizer().type().trim().equalsIgnoreCase("perceptron");
        }, model.documentProperty()));
        perceptron.addListener((o, was, is) -> {
            split.setDividerPositions(is ? 0.46 : 0.28);
            trace.setActive(showing && is);
        });
        content = new VBox(split);
        VBox.setVgrow(split, Priority.ALWAYS);
    }

    /**
     * The Runs panel: runs kept from the session's snapshots (they outlive the file: opening another keeps them),
     * drawn in the charts; the race trains the open document on its own thread, ended when the window closes.
     */
    private RunsPanel runsPanel(Pages.Context context) {
        runs.setSource(() -> {
            java.nio.file.Path file = model.fileProperty().get();
            NetworkDocument doc = model.documentProperty().get();
            String name = file != null ? file.getFileName().toString() : doc == null ? "run" : doc.name();
            return name.replaceFirst("\\.(bps|bpsession)$", "");
        });
        model.training().snapshotProperty().addListener((o, a, s) -> runs.observe(s));
        runs.overlaysChangedProperty().addListener((o, a, b) -> overlay());
        runs.curvesProperty().addListener((o, a, b) -> overlay());
        model.onShutdown(racer::shutdown);
        RacePanel race = new RacePanel(runs, racer, (go, fail) -> model.ensureTrainer(() -> {
            var s = model.training().snapshotProperty().get();
            NetworkDocument doc = s != null && s.document() != null ? s.document()
                    : model.training().sessionDocumentProperty().get();
            go.accept(doc, model.training().sessionData());
        }, fail), runs::sourceName);
        RunsPanel panel = new RunsPanel(runs, race, () -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Export the shown runs as CSV");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
            chooser.setInitialFileName("runs.csv");
            java.io.File f = chooser.showSaveDialog(context.stage());
            return f == null ? null : f.toPath();
        }, (file, text, done, failed) -> model.io().submit(() -> {
            studio.backprop.io.AtomicFile.writeString(file, text);
            return file;
        }, p -> done.run(), failed));
        return panel;
    }

    /**
     * The left column: the data (or the perceptron's trace) and, on a tab beside it, the Runs panel, so comparing
     * runs takes no width from the charts.
     */
    private Node leftColumn() {
        ScrollPane runsScroll = new ScrollPane(runsPanel);
        runsScroll.setFitToWidth(true);
        runsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        runsScroll.getStyleClass().add("edge-to-edge");
        javafx.scene.control.Tab data = new javafx.scene.control.Tab("Data", dataSlot());
        javafx.scene.control.Tab kept = new javafx.scene.control.Tab("Runs", runsScroll);
        kept.setId("runs-tab");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(data, kept);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("training-side");
        return tabs;
    }

    private void overlay() {
        charts.setOverlays(runs.overlays(), runs.curvesProperty().get());
    }

    /** The data panel, scrolling on a small screen, or in its place a line saying where the data comes from. */
    private Node dataSlot() {
        Label otherData = new Label();
        otherData.setWrapText(true);
        otherData.setPadding(new Insets(12));
        ScrollPane dataScroll = new ScrollPane(datasetPanel);
        dataScroll.setFitToWidth(true);
        dataScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        dataScroll.getStyleClass().add("edge-to-edge");
        dataScroll.visibleProperty().bind(planar.and(perceptron.not()));
        otherData.visibleProperty().bind(planar.not().and(perceptron.not()));
        trace.visibleProperty().bind(perceptron);
        otherData.textProperty().bind(Bindings.createStringBinding(() -> {
            NetworkDocument doc = model.documentProperty().get();
            return doc == null ? "" : "This network learns from its file's data section: [data " + doc.data().type()
                    + "]" + (doc.data().settings().isEmpty() ? "" : " " + doc.data().settings()) + ".\n\nThe 2-D "
                    + "data panel (generated sets, drawing points) is for networks with two input features.";
        }, model.documentProperty()));
        return new StackPane(dataScroll, otherData, trace);
    }

    private void followData() {
        model.loadsProperty().addListener((o, a, b) -> {
            NetworkDocument doc = model.documentProperty().get();
            loading = true;
            try {
                outputUnits(DocumentCompiler.compile(doc));
                planar.set(List.of("generated", "inline").contains(doc.data().type())
                        && dataset.applyDataSpec(doc.data()));
            } finally {
                loading = false;
            }
        });
        model.documentProperty().addListener((o, a, doc) -> {
            if (doc != null && planar.get() && (a == null || !a.layers().equals(doc.layers()))) {
                loading = true;
                try {
                    outputUnits(DocumentCompiler.compile(doc));
                } finally {
                    loading = false;
                }
            }
        });
        dataset.dataProperty().addListener((o, a, data) -> {
            if (loading || data == null || !planar.get()) {
                return;
            }
            model.setDataOverride(data);
            NetworkDocument doc = model.documentProperty().get();
            ComponentSpec spec = dataset.toDataSpec();
            if (doc != null && !spec.equals(doc.data())) {
                model.edit(new DocumentEdit("Change the data", d -> d.withData(spec)));
            }
        });
    }

    private void outputUnits(Compilation c) {
        if (c.network() != null && c.shapes() != null && c.shapes().ok()) {
            int[] out = c.network().outputShape();
            dataset.outputUnitsProperty().set(out.length == 1 ? out[0] : 0);
        }
    }

    @Override
    public String title() {
        return "Training";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public List<Exportable> exportables() {
        List<Exportable> out = new ArrayList<>(List.of(playground, datasetPanel, playground.outputView(),
                playground.networkView(), trace));
        for (var chart : charts.charts()) {
            out.add((Exportable) chart);
        }
        out.add(comparison);
        return out;
    }

    /** The perceptron's trace is copied from the trainer only while the page is shown. */
    @Override
    public void setShowing(boolean on) {
        showing = on;
        trace.setActive(on && perceptron.get());
    }

    /** In presenter mode the charts get more of the height: their type is larger, and legends need room. */
    @Override
    public void setPresenterMode(boolean on) {
        column.setDividerPositions(on ? 0.58 : 0.66);
        playground.setPresenterMode(on);
        datasetPanel.plot().setTypeScale(on ? PlaygroundView.PRESENTER_SCALE : 1);
    }

    @Override
    public void setDarkColours(boolean dark) {
        runsPanel.setPalette(dark ? ChartPalette.DARK : ChartPalette.LIGHT);
        playground.setDarkColours(dark);
        datasetPanel.plot().setDarkColours(dark);
    }
}
