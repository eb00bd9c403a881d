package studio.backprop.ui.app;

import javafx.scene.Scene;

/** Applies the stylesheets for the chosen theme and presenter mode (larger fonts and strokes, high contrast). */
final class Themes {

    private Themes() {
    }

    static void apply(Scene scene, AppModel model) {
        scene.getStylesheets().clear();
        scene.getStylesheets().add(css("base.css"));
        scene.getStylesheets().add(css(switch (model.themeProperty().get()) {
            case DARK -> "dark.css";
            case HIGH_CONTRAST -> "high-contrast.css";
            default -> "light.css";
        }));
        if (model.presenterModeProperty().get()) {
            scene.getStylesheets().add(css("presenter.css"));
        }
    }

    private static String css(String name) {
        var url = Themes.class.getResource("/css/" + name);
        if (url == null) {
            throw new IllegalStateException("the stylesheet " + name + " is missing from the resources");
        }
        return url.toExternalForm();
    }
}
