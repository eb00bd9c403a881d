package studio.backprop.ui.app;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import studio.backprop.ui.charts.ChartPalette;
import studio.backprop.ui.charts.TrainingCharts;
import studio.backprop.ui.export.Exportable;

/** Puts the loss, accuracy and learning-rate charts under the playground, following theme and presenter mode. */
final class ChartsSlot {

    private ChartsSlot() {
    }

    static void install(MainWindow window, AppModel model, SplitPane training) {
        TrainingCharts charts = new TrainingCharts();
        charts.bind(model.training());
        charts.presenterModeProperty().bind(model.presenterModeProperty());
        charts.paletteProperty().bind(Bindings.createObjectBinding(() -> model.themeProperty().get()
                == AppModel.Theme.LIGHT ? ChartPalette.LIGHT : ChartPalette.DARK, model.themeProperty()));
        charts.setMinHeight(180);
        charts.setPrefHeight(250);
        Node playground = training.getItems().get(1);
        SplitPane column = new SplitPane(playground, charts);
        column.setOrientation(Orientation.VERTICAL);
        column.setDividerPositions(0.66);
        training.getItems().set(1, column);
        for (var chart : charts.charts()) {
            window.addExportable((Exportable) chart);
        }
    }
}
