package studio.backprop.ui.app;

import java.nio.file.Path;
import studio.backprop.spec.GanDocument;

/**
 * A GAN file (.bpgan) the user opened: it goes to the Generative tab's GAN page, beside the network document (which
 * stays as it is, since a GAN is two networks and a rule of its own).
 *
 * @param path     where it was read from
 * @param document what it says
 */
public record GanFile(Path path, GanDocument document) {
}
