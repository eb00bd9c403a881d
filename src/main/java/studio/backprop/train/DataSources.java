package studio.backprop.train;

import java.nio.file.Path;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.NetworkDocument;

/** The [data] sources other than inline rows: generated sets, the shipped digits, CSV, IDX and image folders. */
final class DataSources {

    private DataSources() {
    }

    static TrainingData load(String source, ComponentSpec data, NetworkDocument doc, Path baseDir,
                             boolean classification) {
        throw new DataResolutionException("unknown data source '" + source + "'; use inline");
    }
}
