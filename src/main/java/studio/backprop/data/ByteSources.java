package studio.backprop.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opening files that may be gzip-compressed, and reading as many bytes as a file really has. */
final class ByteSources {

    private ByteSources() {
    }

    /** The stream itself, or a gunzipping view when it starts with the gzip magic bytes 1f 8b. */
    static InputStream maybeGunzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    /**
     * Fills {@code buffer} as far as the stream goes; returns how many bytes arrived. A gzip stream cut short
     * throws EOFException instead of returning −1; both mean "the file ends here".
     */
    static int readUpTo(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        try {
            while (filled < buffer.length) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (EOFException cutShort) {
            return filled;
        }
        return filled;
    }

    /** True when nothing follows; a truncated gzip trailer counts as nothing. */
    static boolean atEnd(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (EOFException cutShort) {
            return true;
        }
    }
}
