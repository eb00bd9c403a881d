package studio.backprop.ui.exercise;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import studio.backprop.io.AtomicFile;
import studio.backprop.train.exercise.ExerciseSheet;
import studio.backprop.train.exercise.SheetText;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;

/**
 * Writes an exercise sheet or its solution as Markdown, CSV or PNG: the one path the app's buttons, File ▸ Export
 * and the command line's {@code exercise --sheet} share. A failed write leaves any earlier file untouched.
 */
public final class SheetExport {

    /** The formats a sheet is written in. */
    public enum Format {
        MD("md"), CSV("csv"), PNG("png");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** The format named {@code md}, {@code csv} or {@code png} (any case), or null. */
        public static Format named(String name) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(name.trim())) {
                    return f;
                }
            }
            return name.trim().equalsIgnoreCase("markdown") ? MD : null;
        }

        /** The format of a file name's extension, or null. */
        public static Format of(Path file) {
            String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            return dot < 0 ? null : named(name.substring(dot + 1));
        }
    }

    private SheetExport() {
    }

    /**
     * Writes the sheet. A PNG is drawn, so it must be written on the JavaFX application thread.
     *
     * @param scale the PNG's scale (1, 2 or 4); ignored for text
     */
    public static void write(ExerciseSheet sheet, boolean solution, Format format, Path file, double scale)
            throws IOException {
        switch (format) {
            case MD -> AtomicFile.writeString(file, SheetText.markdown(sheet, solution));
            case CSV -> AtomicFile.writeString(file, SheetText.csv(sheet, solution));
            case PNG -> {
                SheetPicture picture = new SheetPicture(solution);
                picture.show(sheet);
                PngExporter.write(picture, file, scale, ExportBackground.WHITE);
            }
            default -> throw new IllegalArgumentException(String.valueOf(format));
        }
    }
}
