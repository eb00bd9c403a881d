package studio.backprop.ui.lessons.generative;

import java.util.List;

/** A generative page's theme (light or dark) and presenter mode, passed on to each of its drawings. */
final class CanvasLooks {

    private final List<CanvasView> views;
    private boolean dark;
    private boolean presenter;

    CanvasLooks(CanvasView... views) {
        this.views = List.of(views);
    }

    void setDark(boolean on) {
        dark = on;
        apply();
    }

    void setPresenter(boolean on) {
        presenter = on;
        apply();
    }

    private void apply() {
        for (CanvasView view : views) {
            view.setLook(dark, presenter);
        }
    }
}
