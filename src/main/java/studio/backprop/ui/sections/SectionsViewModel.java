package studio.backprop.ui.sections;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.beans.value.ObservableValue;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.Problem;
import studio.backprop.ui.editor.EditCommand;

/**
 * The section editor's state and actions: reads the loss, optimiser, training plan and data of the open document,
 * checks text as it is typed by compiling the document as it would be (so the words are the engine's own), and turns
 * a committed value into one undoable edit. No nodes; tested without a stage.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class SectionsViewModel {

    private final ObservableValue<NetworkDocument> document;
    private final Function<EditCommand, String> edit;

    /**
     * @param document the open document
     * @param edit     applies a command as one undoable step; returns the refusal in words, or null
     */
    public SectionsViewModel(ObservableValue<NetworkDocument> document, Function<EditCommand, String> edit) {
        this.document = document;
        this.edit = edit;
    }

    public ObservableValue<NetworkDocument> document() {
        return document;
    }

    /** The section as the open document has it. */
    public ComponentSpec spec(Section section) {
        return section.of(document.getValue());
    }

    /** The text of a setting, or "" when it is left to its default. */
    public String value(Section section, String key) {
        String v = spec(section).get(key);
        return v == null ? "" : v;
    }

    /**
     * What is wrong with {@code text} as the value of {@code key}, in the engine's words, or null when nothing is:
     * the document is compiled as it would be with the text, and the first problem of the section that names the
     * key is returned.
     */
    public String problem(Section section, String key, String text) {
        NetworkDocument doc = document.getValue();
        NetworkDocument candidate = new ChangeSectionCommand(section, key, text).apply(doc);
        Pattern named = Pattern.compile("(^|[^a-z_])" + Pattern.quote(key) + "([^a-z_]|$)");
        return DocumentCompiler.compile(candidate).problemsOf(section.subject()).stream()
                .map(Problem::message).filter(m -> named.matcher(m).find()).findFirst().orElse(null);
    }

    /** Every problem and warning of the open document (each names its section or layer as its subject). */
    public List<Problem> problems() {
        return DocumentCompiler.compile(document.getValue()).problems();
    }

    /** Sets a setting (blank: back to its default) as one undoable edit; the refusal in words, or null. */
    public String set(Section section, String key, String text) {
        if (text.strip().equals(value(section, key).strip())) {
            return null;
        }
        return edit.apply(new ChangeSectionCommand(section, key, text));
    }

    /** Chooses the section's type (a loss, an optimiser, a data source) as one undoable edit. */
    public String choose(Section section, String type) {
        if (type == null || type.equals(spec(section).type())) {
            return null;
        }
        return edit.apply(new ChangeSectionTypeCommand(section, type));
    }
}
