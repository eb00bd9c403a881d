package studio.backprop.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks made before a data file is opened: it exists and is a regular file (not a folder, a device such as
 * {@code /dev/zero}, or a pipe that would block forever), and how many bytes it holds, so that sizes claimed
 * inside it can be compared with what it can really contain.
 */
public final class InputFiles {

    /** How many times larger than its compressed size deflate (gzip, zip, PNG) can make data: 1032:1. */
    public static final long DEFLATE_RATIO = 1032;

    private InputFiles() {
    }

    /**
     * The size in bytes of a regular file.
     *
     * @param shown the file as messages show it
     * @throws DatasetException when it is missing, a folder or not a regular file
     */
    public static long regularFile(Path file, String shown) throws DatasetException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new DatasetException(shown + ": no such file" + (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? " (it is a link to a file that does not exist)" : ""));
        }
        if (a.isDirectory()) {
            throw new DatasetException(shown + " is a folder, not a file; name a file inside it");
        }
        if (!a.isRegularFile()) {
            throw new DatasetException(shown + " is not a regular file (it is a device, a pipe or a socket); "
                    + "name a file saved on disk");
        }
        return a.size();
    }
}
