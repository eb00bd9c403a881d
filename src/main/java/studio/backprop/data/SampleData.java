package studio.backprop.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The datasets that ship with the project.
 *
 * <p>The 10,000 MNIST digits live in {@code samples/mnist-10k/} of the repository ({@code images-idx3-ubyte.gz},
 * {@code labels-idx1-ubyte.gz}; see the README there for their origin and licence). They stay out of
 * {@code resources/} so the jar does not carry 1.6 MB for everyone; a packager who wants them inside can copy the
 * folder to {@code samples/mnist-10k/} on the class path. Lookup order: the folder named by the system property
 * {@value #SAMPLES_PROPERTY} (holding {@code mnist-10k/}), then {@code samples/mnist-10k} under the working
 * folder (the app and the command line run from the repository root), then the class path.
 */
public final class SampleData {

    /** System property naming a folder that holds {@code mnist-10k/}. */
    public static final String SAMPLES_PROPERTY = "backprop.samples";

    static final String MNIST_FOLDER = "mnist-10k";
    static final String IMAGES = "images-idx3-ubyte.gz";
    static final String LABELS = "labels-idx1-ubyte.gz";

    private SampleData() {
    }

    /** The 10,000 shipped digits: features (10000, 28, 28, 1) in [0, 1], classes "0" … "9", name "mnist-10k". */
    public static Dataset mnist10k() throws DatasetException {
        String property = System.getProperty(SAMPLES_PROPERTY);
        if (property != null) {
            return mnist10kFrom(Path.of(property, MNIST_FOLDER));
        }
        Path local = Path.of("samples", MNIST_FOLDER);
        if (Files.isRegularFile(local.resolve(IMAGES))) {
            return mnist10kFrom(local);
        }
        String resource = "/samples/" + MNIST_FOLDER + "/";
        try (InputStream images = SampleData.class.getResourceAsStream(resource + IMAGES);
                InputStream labels = SampleData.class.getResourceAsStream(resource + LABELS)) {
            if (images != null && labels != null) {
                return IdxLoader.dataset(MNIST_FOLDER, IdxLoader.readImages(images, IMAGES),
                        IdxLoader.readLabels(labels, LABELS, 10), 10, IMAGES, LABELS);
            }
        } catch (IOException e) {
            throw new DatasetException("the MNIST sample on the class path cannot be read (" + e.getMessage() + ")",
                    e);
        }
        throw new DatasetException("the MNIST sample was not found: looked for samples/" + MNIST_FOLDER + "/"
                + IMAGES + " under the working folder " + Path.of("").toAbsolutePath() + " and on the class path;"
                + " start the app from the repository root or set -D" + SAMPLES_PROPERTY + "=<folder holding "
                + MNIST_FOLDER + ">");
    }

    /** The digits from a given folder holding the two files. */
    public static Dataset mnist10kFrom(Path folder) throws DatasetException {
        Path images = folder.resolve(IMAGES);
        Path labels = folder.resolve(LABELS);
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            throw new DatasetException("the MNIST sample was not found: " + folder + " should hold " + IMAGES
                    + " and " + LABELS);
        }
        return IdxLoader.load(MNIST_FOLDER, images, labels, 10);
    }
}
