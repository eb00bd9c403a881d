package studio.backprop.ui.lessons.generative;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import studio.backprop.ui.app.Page;
import studio.backprop.ui.app.Pages;
import studio.backprop.ui.export.Exportable;

/**
 * The Generative tab: the autoencoder, VAE and GAN lessons as sub-pages in a list on the left, the chosen one beside
 * it (as the Lessons tab holds its lessons). Only the chosen sub-page is told it is shown, so only it asks the
 * trainer for probes or runs its GAN thread; every sub-page's views stay on offer to File ▸ Export.
 */
public final class GenerativePage implements Page {

    /** The tab's title. */
    public static final String TITLE = "Generative";

    /** Wide enough for "Autoencoder" without a scroll bar; presenter mode's larger type needs more. */
    private static final double LIST_WIDTH = 140;
    private static final double PRESENTER_LIST_WIDTH = 190;

    private final List<Page> subPages = new ArrayList<>();
    private final ListView<String> list = new ListView<>();
    private final BorderPane root = new BorderPane();
    private final GanLabPage gan;
    private boolean showing;
    private Page chosen;

    public GenerativePage(Pages.Context context) {
        gan = new GanLabPage(context);
        subPages.add(new AutoencoderPage(context));
        subPages.add(new VaePage(context));
        subPages.add(gan);
        for (Page page : subPages) {
            list.getItems().add(page.title());
        }
        list.getStyleClass().addAll("lesson-list", "generative-list");
        list.setPrefWidth(LIST_WIDTH);
        list.setMinWidth(110);
        list.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (now.intValue() >= 0) {
                choose(subPages.get(now.intValue()));
            }
        });
        root.setLeft(list);
        root.getStyleClass().add("generative-page");
        list.getSelectionModel().select(0);
        gan.setOnOpened(() -> {
            show(gan.title());
            if (context.window() != null) {
                context.window().showPage(TITLE);
            }
        });
    }

    private void choose(Page page) {
        if (chosen != null && chosen != page) {
            chosen.setShowing(false);
        }
        chosen = page;
        root.setCenter(page.content());
        page.setShowing(showing);
    }

    /** Shows the sub-page with this title ("Autoencoder", "VAE", "GAN"); false if there is none. */
    public boolean show(String title) {
        int i = list.getItems().indexOf(title);
        if (i >= 0) {
            list.getSelectionModel().select(i);
        }
        return i >= 0;
    }

    /** The sub-page shown now. */
    public Page chosen() {
        return chosen;
    }

    /** The sub-pages, in list order. */
    public List<Page> subPages() {
        return List.copyOf(subPages);
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node content() {
        return root;
    }

    /** The views of every sub-page. */
    @Override
    public List<Exportable> exportables() {
        List<Exportable> all = new ArrayList<>();
        subPages.forEach(p -> all.addAll(p.exportables()));
        return all;
    }

    @Override
    public void setShowing(boolean on) {
        showing = on;
        if (chosen != null) {
            chosen.setShowing(on);
        }
    }

    @Override
    public void setPresenterMode(boolean on) {
        list.setPrefWidth(on ? PRESENTER_LIST_WIDTH : LIST_WIDTH);
        subPages.forEach(p -> p.setPresenterMode(on));
    }

    @Override
    public void setDarkColours(boolean dark) {
        subPages.forEach(p -> p.setDarkColours(dark));
    }
}
