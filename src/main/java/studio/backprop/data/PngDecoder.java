package studio.backprop.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import studio.backprop.tensor.MemoryBudget;

/**
 * PNG images without java.awt: non-interlaced, colour types grey (bit depth 1, 2, 4, 8, 16), RGB (8, 16),
 * palette (1, 2, 4, 8, with tRNS alpha), grey + alpha (8, 16) and RGBA (8, 16); all five row filters; chunk CRCs
 * checked. Interlaced (Adam7) files are refused by name; a tRNS colour key on grey or RGB images is ignored.
 */
final class PngDecoder {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngDecoder() {
    }

    /** Decodes a whole PNG file; {@code name} is the file as messages show it. */
    static Raster decode(byte[] b, String name) throws DatasetException {
        PngHeader h = null;
        byte[] palette = null;
        byte[] paletteAlpha = null;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        int pos = SIGNATURE.length;
        while (true) {
            if (pos + 8 > b.length) {
                throw new DatasetException(name + ": PNG file cut short (no IEND chunk)");
            }
            int length = int32(b, pos);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (length < 0 || (long) pos + 12 + length > b.length) {
                throw new DatasetException(name + ": PNG chunk " + type + " is cut short (the file is truncated)");
            }
            checkCrc(b, pos, length, type, name);
            int data = pos + 8;
            pos = data + length + 4;
            if (type.equals("IEND")) {
                break;
            }
            if (type.equals("IHDR")) {
                h = PngHeader.parse(b, data, length, name);
            } else if (h == null) {
                throw new DatasetException(name + ": PNG chunk " + type + " comes before IHDR");
            } else if (type.equals("PLTE")) {
                palette = Arrays.copyOfRange(b, data, data + length);
            } else if (type.equals("tRNS") && h.colorType == 3) {
                paletteAlpha = Arrays.copyOfRange(b, data, data + length);
            } else if (type.equals("IDAT")) {
                idat.write(b, data, length);
            } else if (Character.isUpperCase(type.charAt(0)) && !type.equals("tRNS")) {
                throw new DatasetException(name + ": unknown critical PNG chunk " + type);
            }
        }
        if (h == null) {
            throw new DatasetException(name + ": PNG without an IHDR chunk");
        }
        if (h.colorType == 3 && palette == null) {
            throw new DatasetException(name + ": palette PNG without a PLTE chunk");
        }
        byte[] rows = inflate(idat.toByteArray(), h, name);
        PngFilters.unfilter(rows, h, name);
        return PngPixels.unpack(rows, h, palette, paletteAlpha, name);
    }

    private static byte[] inflate(byte[] compressed, PngHeader h, String name) throws DatasetException {
        long room = MemoryBudget.sum(MemoryBudget.product(compressed.length, InputFiles.DEFLATE_RATIO), 64);
        if (h.rawSize() > room) {
            throw new DatasetException(name + ": the PNG header claims " + h.width + "×" + h.height + " pixels ("
                    + MemoryBudget.text(h.rawSize()) + " unpacked), but its " + compressed.length + " bytes of "
                    + "image data unpack to at most " + MemoryBudget.text(room) + "; the file is damaged");
        }
        byte[] out = new byte[h.rawSize()];
        Inflater inflater = new Inflater();
        int n = 0;
        try {
            inflater.setInput(compressed);
            while (n < out.length) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
        } catch (DataFormatException e) {
            throw new DatasetException(name + ": damaged PNG image data (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
        if (n < out.length) {
            throw new DatasetException(name + ": PNG image data ends after " + n / (h.rowBytes() + 1) + " of "
                    + h.height + " rows (the file is truncated)");
        }
        return out;
    }

    private static void checkCrc(byte[] b, int pos, int length, String type, String name) throws DatasetException {
        CRC32 crc = new CRC32();
        crc.update(b, pos + 4, length + 4);
        if ((int) crc.getValue() != int32(b, pos + 8 + length)) {
            throw new DatasetException(name + ": PNG chunk " + type + " fails its CRC check (the file is damaged)");
        }
    }

    static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
