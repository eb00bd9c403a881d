package studio.backprop.ui.lessons.generative;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import studio.backprop.data.TargetDistributions;
import studio.backprop.ui.app.Page;
import studio.backprop.ui.app.Pages;
import studio.backprop.ui.export.Exportable;

/**
 * The GAN lesson, as GAN Lab shows it: real and generated points over the discriminator's heatmap, the generator's
 * gradient arrows, both losses over time; play, or step the discriminator only, the generator only, or both; slow
 * motion. The GAN (the ring template, with a choice of target) trains on a thread of its own while the page is
 * shown.
 */
public final class GanLabPage implements Page {

    private CanvasLooks looks;

    private final Pages.Context context;
    private final BorderPane root = new BorderPane();
    private final GanPlaneView plane = new GanPlaneView();
    private final LossLinesView losses = new LossLinesView("L_D", "L_G");
    private final Label status = new Label("");
    private final Label file = new Label("gan-ring.bpgan (the template)");
    private final ChoiceBox<String> target = new ChoiceBox<>();
    private Runnable onOpened = () -> { };
    private String refusal = "";
    private GanLabModel model;
    private GanFrame shown;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            refresh();
        }
    };


    public GanLabPage(Pages.Context context) {
        this.context = context;
        root.getStyleClass().add("gan-lab");
        Label intro = new Label("The discriminator D colours the plane: green where it says 'real', purple where it "
                + "says 'fake'. The generator G moves its purple points along the arrows, towards where D says "
                + "'real'. Step D or G alone to see each half of the game.");
        intro.setWrapText(true);
        intro.setPadding(new Insets(6, 10, 0, 10));
        VBox side = new VBox(8, losses, status);
        side.setPadding(new Insets(8));
        status.setWrapText(true);
        VBox.setVgrow(losses, Priority.ALWAYS);
        HBox centre = new HBox(plane, side);
        HBox.setHgrow(plane, Priority.ALWAYS);
        root.setTop(new VBox(toolbar(), intro));
        root.setCenter(centre);
        file.getStyleClass().add("gan-file");
        context.model().ganFileProperty().addListener((o, was, now) -> {
            if (now != null) {
                take(now);
            }
        });
    }

    /** What to do when a GAN file was opened into this page (the Generative tab shows it). */
    void setOnOpened(Runnable action) {
        onOpened = action;
    }

    /** Takes an opened GAN file: trains it from its seed, or says in words why this page cannot draw it. */
    private void take(studio.backprop.ui.app.GanFile opened) {
        String name = String.valueOf(opened.path().getFileName());
        String why = model().open(opened.document(), name);
        if (why != null) {
            refusal = name + ": " + why;
            context.model().statusProperty().set(refusal);
        } else {
            refusal = "";
            boolean digits = GanLabModel.digitsOf(opened.document());
            target.setDisable(digits);
            if (!digits && !opened.document().data().type().equals(target.getValue())) {
                target.setValue(opened.document().data().type());
            }
        }
        status.setText(refusal);
        onOpened.run();
    }

    private void chooseFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open a GAN file");
        chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("GAN files", "*.bpgan"),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*.*"));
        java.io.File folder = context.model().samplesFolder().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        java.io.File chosen = context.stage() == null ? null : chooser.showOpenDialog(context.stage());
        if (chosen != null) {
            context.model().open(chosen.toPath(), message -> {
                refusal = message;
                if (context.window() != null) {
                    context.window().showError(message);
                }
            });
        }
    }

    /** The lesson's model, created when the page is first shown. */
    public GanLabModel model() {
        if (model == null) {
            model = new GanLabModel(context.model().samplesFolder().resolve("gan-ring.bpgan"));
        }
        return model;
    }

    private ToolBar toolbar() {
        ToggleButton play = new ToggleButton("Play");
        play.setOnAction(e -> {
            model().playingProperty().set(play.isSelected());
            play.setText(play.isSelected() ? "Pause" : "Play");
        });
        Button stepD = new Button("Step D");
        stepD.setOnAction(e -> model().stepDiscriminator());
        Button stepG = new Button("Step G");
        stepG.setOnAction(e -> model().stepGenerator());
        Button stepBoth = new Button("Step D + G");
        stepBoth.setOnAction(e -> model().stepBoth());
        CheckBox slow = new CheckBox("Slow motion");
        slow.selectedProperty().addListener((o, was, now) -> model().slowMotionProperty().set(now));
        target.getItems().setAll(TargetDistributions.NAMES);
        target.setValue("ring");
        target.valueProperty().addListener((o, was, now) -> model().targetProperty().set(now));
        Button reset = new Button("Reset");
        reset.setOnAction(e -> model().reset());
        stepD.getStyleClass().add("gan-step-d");
        stepG.getStyleClass().add("gan-step-g");
        stepBoth.getStyleClass().add("gan-step-both");
        play.getStyleClass().add("gan-play");
        Button open = new Button("Open GAN File…");
        open.getStyleClass().add("gan-open");
        open.setOnAction(e -> chooseFile());
        return new ToolBar(play, stepD, stepG, stepBoth, slow, new javafx.scene.control.Separator(),
                new Label("Target:"), target, reset, new javafx.scene.control.Separator(), open, file);
    }

    private void refresh() {
        GanFrame frame = model().frame();
        if (frame != null && frame != shown) {
            shown = frame;
            plane.show(frame);
            losses.show(frame.discriminatorLosses(), frame.generatorLosses());
        }
        file.setText(model().source());
        String problem = model().problem();
        status.setText(problem.isEmpty() ? refusal : problem);
    }

    /** The name of the GAN file shown (for tests). */
    String fileName() {
        return model().source();
    }

    /** Draws the latest frame now (for tests and exports). */
    public void refreshNow() {
        refresh();
    }

    @Override
    public String title() {
        return "GAN";
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(plane, losses);
    }

    @Override
    public void setShowing(boolean showing) {
        if (showing) {
            model();
            timer.start();
        } else {
            timer.stop();
            if (model != null) {
                model.playingProperty().set(false);
            }
        }
    }

    @Override
    public void setDarkColours(boolean on) {
        looks().setDark(on);
    }

    @Override
    public void setPresenterMode(boolean on) {
        looks().setPresenter(on);
    }

    /** The drawings' look, made once the drawings exist. */
    private CanvasLooks looks() {
        if (looks == null) {
            looks = new CanvasLooks(plane, losses);
        }
        return looks;
    }
}
