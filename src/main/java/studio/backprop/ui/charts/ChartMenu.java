package studio.backprop.ui.charts;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The context menu of a chart: the log-scale switch, and "Export PNG…", which asks for the scale and background
 * and then for a file.
 */
public final class ChartMenu {

    /** The menu's labels, for tests and the shell's own menus. */
    public static final String LOG_SCALE = "Log scale";
    public static final String EXPORT = "Export PNG…";

    private ChartMenu() {
    }

    /** Attaches the context menu to {@code chart} and returns it. */
    public static ContextMenu attach(LineChartView chart) {
        CheckMenuItem log = new CheckMenuItem(LOG_SCALE);
        log.selectedProperty().bindBidirectional(chart.logScaleProperty());
        MenuItem export = new MenuItem(EXPORT);
        export.setOnAction(e -> exportInteractively(chart));
        ContextMenu menu = new ContextMenu(log, new SeparatorMenuItem(), export);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
        return menu;
    }

    private static void exportInteractively(LineChartView chart) {
        Window owner = chart.getScene() == null ? null : chart.getScene().getWindow();
        ExportDialog.ask(owner, chart.exportName()).ifPresent(choice -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export PNG");
            chooser.setInitialFileName(chart.exportName() + ".png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG pictures", "*.png"));
            File file = chooser.showSaveDialog(owner);
            if (file != null) {
                write(chart, withPng(file.toPath()), choice, owner);
            }
        });
    }

    private static Path withPng(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? file : file.resolveSibling(name + ".png");
    }

    private static void write(LineChartView chart, Path file, ExportDialog.Choice choice, Window owner) {
        try {
            ChartExport.write(chart, file, choice.scale(), choice.background());
        } catch (IOException | RuntimeException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, "The picture could not be saved to " + file + ": "
                    + e.getMessage());
            alert.initOwner(owner);
            alert.showAndWait();
        }
    }
}
