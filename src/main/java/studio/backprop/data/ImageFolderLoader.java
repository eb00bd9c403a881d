package studio.backprop.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import studio.backprop.tensor.MemoryBudget;
import studio.backprop.tensor.Tensor;

/**
 * Images sorted into one sub-folder per class ({@code digits/0/a.png}, {@code digits/1/b.pgm}, …).
 *
 * <p>Classes are the sub-folder names in sorted order; within a class, files are read in sorted name order, so
 * the samples come class by class (shuffle before a "last fraction" split). Files and folders whose names start
 * with a dot are skipped, as are plain files directly in the root. Formats: PNG, PGM (P5), PPM (P6); anything
 * else in a class folder is refused by name. Features (N, height, width, channels) in [0, 1], channels-last;
 * the dataset is named after the root folder. Messages show paths from the root folder's name on
 * ("digits/3/a.jpg: JPEG is not supported; convert to PNG").
 */
public final class ImageFolderLoader {

    private ImageFolderLoader() {
    }

    public static Dataset load(Path root, ImageFolderOptions options) throws DatasetException {
        String rootName = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        if (!Files.isDirectory(root)) {
            throw new DatasetException(rootName + ": not a folder");
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new DatasetException(rootName + ": cannot be opened (" + e.getMessage() + ")", e);
        }
        List<Path> classDirs = children(root, rootName, true);
        for (Path dir : classDirs) {
            staysInside(dir, realRoot, rootName + "/" + dir.getFileName(), rootName);
        }
        if (classDirs.size() < 2) {
            throw new DatasetException(rootName + ": needs one sub-folder per class and at least two classes, found "
                    + classDirs.size());
        }
        List<String> classNames = new ArrayList<>();
        List<Raster> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String firstName = null;
        long bytes = 0;
        for (Path dir : classDirs) {
            String className = dir.getFileName().toString();
            List<Path> files = children(dir, rootName + "/" + className, false);
            if (files.isEmpty()) {
                throw new DatasetException(rootName + "/" + className + ": class folder without images");
            }
            for (Path file : files) {
                String shown = rootName + "/" + className + "/" + file.getFileName();
                staysInside(file, realRoot, shown, rootName);
                Raster image = read(file, shown, options);
                if (firstName == null) {
                    firstName = shown;
                } else if (image.height != images.get(0).height || image.width != images.get(0).width) {
                    throw new DatasetException(shown + " is " + image.width + "×" + image.height + " pixels, the first"
                            + " image (" + firstName + ") is " + images.get(0).width + "×" + images.get(0).height
                            + "; give a size to resize to, or make them the same size");
                }
                bytes = MemoryBudget.sum(bytes,
                        MemoryBudget.product(image.values.length, 2 * MemoryBudget.FLOAT_BYTES));
                String memory = MemoryBudget.problem(bytes);
                if (memory != null) {
                    throw new DatasetException(rootName + ": the images up to " + shown + " (" + (images.size() + 1)
                            + ") already fill the memory for data: " + memory + "; use fewer or smaller images "
                            + "(a smaller 'size =')");
                }
                images.add(image);
                labels.add(classNames.size());
            }
            classNames.add(className);
        }
        return dataset(rootName, images, labels, classNames, options.channels());
    }

    /** Links are not followed out of the data folder: a class folder linked to /etc is refused by name. */
    private static void staysInside(Path p, Path realRoot, String shown, String rootName) throws DatasetException {
        try {
            if (!p.toRealPath().startsWith(realRoot)) {
                throw new DatasetException(shown + " is a link to a place outside " + rootName + "; links are not "
                        + "followed out of the data folder: copy the images into it");
            }
        } catch (IOException e) {
            throw new DatasetException(shown + ": cannot be opened (" + e.getMessage() + ")", e);
        }
    }

    private static Raster read(Path file, String shown, ImageFolderOptions options) throws DatasetException {
        long size = InputFiles.regularFile(file, shown);
        String memory = MemoryBudget.problem(size);
        if (memory != null) {
            throw new DatasetException(shown + " holds " + MemoryBudget.text(size) + "; " + memory);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException(shown + ": cannot be read (" + e.getMessage() + ")", e);
        }
        Raster image = ImageDecoders.decode(bytes, shown).toChannels(options.channels());
        if (options.resizes()) {
            String resized = MemoryBudget.problem(MemoryBudget.product(options.height(), options.width(),
                    options.channels(), 2 * MemoryBudget.FLOAT_BYTES));
            if (resized != null) {
                throw new DatasetException(shown + ": resizing to " + options.height() + "×" + options.width() + ", "
                        + resized + "; give a smaller size");
            }
        }
        return options.resizes() ? Resize.resize(image, options.height(), options.width(), options.interpolation())
                : image;
    }

    private static Dataset dataset(String name, List<Raster> images, List<Integer> labels, List<String> classes,
            int channels) {
        Raster first = images.get(0);
        int per = first.height * first.width * channels;
        float[] x = new float[images.size() * per];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i).values, 0, x, i * per, per);
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        Tensor features = Tensor.wrap(x, images.size(), first.height, first.width, channels);
        return Dataset.classification(name, features, y, classes, List.of());
    }

    private static List<Path> children(Path dir, String shown, boolean folders) throws DatasetException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> folders == Files.isDirectory(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(shown + ": cannot be listed (" + e.getMessage() + ")", e);
        }
    }
}
