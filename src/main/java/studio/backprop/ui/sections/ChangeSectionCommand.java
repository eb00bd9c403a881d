package studio.backprop.ui.sections;

import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.editor.EditCommand;

/**
 * Sets one setting of the loss, optimiser, training plan or data to the text typed; blank text returns it to its
 * default. Text the engine cannot use is stored anyway (the section shows why until it is fixed), as layer settings
 * are.
 */
public record ChangeSectionCommand(Section section, String key, String value) implements EditCommand {

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        String text = value == null || value.isBlank() ? null : value.strip();
        return section.with(document, section.of(document).with(key, text));
    }

    @Override
    public String description() {
        return "Set " + section.subject() + "." + key + (value == null || value.isBlank() ? " to its default"
                : " = " + (value.contains("\n") ? "…" : value.strip()));
    }
}
