package studio.backprop.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG encoder for tests: any colour type and bit depth, a chosen filter per row (cycling through the
 * given list), zlib via Deflater, chunks with CRC32. Samples are given per pixel and channel (palette indices
 * for colour type 3), already in the bit depth's range.
 */
final class PngWriter {

    private PngWriter() {
    }

    static byte[] encode(int width, int height, int colorType, int depth, int[] samples, int... filters) {
        return encode(width, height, colorType, depth, samples, null, null, filters);
    }

    static byte[] encode(int width, int height, int colorType, int depth, int[] samples, byte[] palette,
            byte[] alpha, int... filters) {
        int channels = samples.length / (width * height);
        int rowBytes = (width * channels * depth + 7) / 8;
        int stride = Math.max(1, channels * depth / 8);
        byte[] raw = new byte[height * (rowBytes + 1)];
        byte[] prior = new byte[rowBytes];
        for (int y = 0; y < height; y++) {
            byte[] row = packRow(samples, y * width * channels, width * channels, depth, rowBytes);
            int filter = filters.length == 0 ? 0 : filters[y % filters.length];
            raw[y * (rowBytes + 1)] = (byte) filter;
            for (int i = 0; i < rowBytes; i++) {
                int left = i >= stride ? row[i - stride] & 0xff : 0;
                int upLeft = i >= stride ? prior[i - stride] & 0xff : 0;
                int predicted = PngFilters.predict(filter, left, prior[i] & 0xff, upLeft);
                raw[y * (rowBytes + 1) + 1 + i] = (byte) (row[i] - predicted);
            }
            prior = row;
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(PngDecoder.SIGNATURE);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) depth).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        if (palette != null) {
            chunk(png, "PLTE", palette);
        }
        if (alpha != null) {
            chunk(png, "tRNS", alpha);
        }
        byte[] z = deflate(raw);
        chunk(png, "IDAT", Arrays.copyOf(z, z.length / 2));
        chunk(png, "IDAT", Arrays.copyOfRange(z, z.length / 2, z.length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] packRow(int[] samples, int from, int count, int depth, int rowBytes) {
        byte[] row = new byte[rowBytes];
        for (int i = 0; i < count; i++) {
            int v = samples[from + i];
            if (depth == 16) {
                row[2 * i] = (byte) (v >> 8);
                row[2 * i + 1] = (byte) v;
            } else if (depth == 8) {
                row[i] = (byte) v;
            } else {
                int bit = i * depth;
                row[bit / 8] |= (byte) (v << (8 - depth - bit % 8));
            }
        }
        return row;
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
