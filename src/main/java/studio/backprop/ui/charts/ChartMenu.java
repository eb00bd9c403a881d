package studio.backprop.ui.charts;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SeparatorMenuItem;
import studio.backprop.ui.export.ExportMenu;

/**
 * The context menu of a chart: the log-scale switch, and "Export PNG…", which asks for the scale and background
 * and then for a file.
 */
public final class ChartMenu {

    /** The menu's labels, for tests and the shell's own menus. */
    public static final String LOG_SCALE = "Log scale";
    public static final String EXPORT = ExportMenu.EXPORT;

    private ChartMenu() {
    }

    /** Attaches the context menu to {@code chart} and returns it. */
    public static ContextMenu attach(LineChartView chart) {
        CheckMenuItem log = new CheckMenuItem(LOG_SCALE);
        log.selectedProperty().bindBidirectional(chart.logScaleProperty());
        ContextMenu menu = new ContextMenu(log, new SeparatorMenuItem(), ExportMenu.item(EXPORT, chart, chart));
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
        return menu;
    }
}
