package studio.backprop.ui.sections;

import java.util.Map;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.editor.EditCommand;

/**
 * Chooses another loss, optimiser or data source. The loss and the optimiser keep their settings (a setting the
 * new optimiser does not read is reported as a warning, and comes back into use on switching back); a new data
 * source starts from its own defaults, since the settings of one source mean nothing to another.
 */
public record ChangeSectionTypeCommand(Section section, String type) implements EditCommand {

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        ComponentSpec old = section.of(document);
        ComponentSpec next = section == Section.DATA && !old.type().equals(type) ? new ComponentSpec(type, Map.of())
                : old.withType(type);
        return section.with(document, next);
    }

    @Override
    public String description() {
        return "Choose the " + section.subject() + " " + type;
    }
}
