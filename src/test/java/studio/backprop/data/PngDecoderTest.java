package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PngDecoderTest {

    /** Samples 0..max spread over a width×height×channels image, in a pattern that varies along rows and down. */
    private static int[] pattern(int width, int height, int channels, int max) {
        int[] s = new int[width * height * channels];
        for (int i = 0; i < s.length; i++) {
            s[i] = (int) ((i * 7919L + (i / channels) * 31L) % (max + 1));
        }
        return s;
    }

    private static float[] scaled(int[] samples, int max) {
        float[] f = new float[samples.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = samples[i] / (float) max;
        }
        return f;
    }

    @ParameterizedTest(name = "colour type {0}, depth {1}")
    @CsvSource({"0,1,1", "0,2,1", "0,4,1", "0,8,1", "0,16,1", "2,8,3", "2,16,3", "4,8,2", "4,16,2", "6,8,4",
        "6,16,4"})
    void everyDirectColourTypeAndDepthWithAllFilters(int colorType, int depth, int channels) throws Exception {
        int width = 7;
        int height = 6;
        int max = (1 << depth) - 1;
        int[] samples = pattern(width, height, channels, max);
        byte[] png = PngWriter.encode(width, height, colorType, depth, samples, 0, 1, 2, 3, 4, 4);
        Raster r = PngDecoder.decode(png, "t.png");
        assertEquals(width, r.width);
        assertEquals(height, r.height);
        assertEquals(channels, r.channels);
        assertArrayEquals(scaled(samples, max), r.values, 1e-7f);
    }

    @ParameterizedTest(name = "palette depth {0}")
    @CsvSource({"1", "2", "4", "8"})
    void paletteImagesExpandToRgbAndRgbaWithTransparency(int depth) throws Exception {
        int entries = Math.min(1 << depth, 5);
        byte[] palette = new byte[3 * entries];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = (byte) (i * 20);
        }
        int[] indices = pattern(5, 3, 1, entries - 1);
        Raster rgb = PngDecoder.decode(PngWriter.encode(5, 3, 3, depth, indices, palette, null, 3, 4), "p.png");
        assertEquals(3, rgb.channels);
        for (int p = 0; p < indices.length; p++) {
            for (int c = 0; c < 3; c++) {
                assertEquals((indices[p] * 3 + c) * 20 / 255f, rgb.values[p * 3 + c], 1e-6f);
            }
        }
        byte[] alpha = {0, (byte) 255};
        Raster rgba = PngDecoder.decode(PngWriter.encode(5, 3, 3, depth, indices, palette, alpha, 1), "p.png");
        assertEquals(4, rgba.channels);
        for (int p = 0; p < indices.length; p++) {
            assertEquals(indices[p] == 0 ? 0f : 1f, rgba.values[p * 4 + 3]);
        }
    }

    @Test
    void filtersFollowTheSpecification() {
        assertEquals(10, PngFilters.paeth(10, 10, 10), "ties go to left");
        assertEquals(20, PngFilters.paeth(10, 20, 10), "p = 20: up is exact");
        assertEquals(40, PngFilters.paeth(30, 40, 5), "p = 65: up (40) is nearest");
        assertEquals(5, PngFilters.paeth(5, 40, 30), "p = 15: left and up-left tie at 10 and 15; left wins");
        assertEquals(127, PngFilters.predict(3, 255, 0, 0), "average rounds down");
        assertEquals(0, PngFilters.predict(0, 1, 2, 3));
    }

    @Test
    void hiddenSubAndUpRowsDecodeToKnownBytes() throws Exception {
        // 3×2 grey, depth 8. Row 1 "Sub" of bytes 10, 5, 5 means 10, 15, 20; row 2 "Up" of 1, 1, 1 means 11, 16, 21.
        byte[] raw = {1, 10, 5, 5, 2, 1, 1, 1};
        byte[] png = PngWriter.encode(3, 2, 0, 8, new int[6]);
        byte[] replaced = withIdat(png, raw);
        Raster r = PngDecoder.decode(replaced, "k.png");
        assertArrayEquals(new float[] {10 / 255f, 15 / 255f, 20 / 255f, 11 / 255f, 16 / 255f, 21 / 255f}, r.values);
    }

    /** The same IHDR with {@code raw} (filter bytes included) as its only image data. */
    private static byte[] withIdat(byte[] png, byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        byte[] z = new byte[256];
        int n = d.deflate(z);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 8 + 25);
        PngWriter.chunk(out, "IDAT", Arrays.copyOf(z, n));
        PngWriter.chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    @Test
    void damagedAndUnsupportedFilesAreNamed() {
        byte[] good = PngWriter.encode(4, 4, 0, 8, pattern(4, 4, 1, 255), 1);
        assertEquals("a.png: PNG chunk IDAT is cut short (the file is truncated)",
                message(Arrays.copyOf(good, 8 + 25 + 12)));
        assertEquals("a.png: PNG file cut short (no IEND chunk)", message(Arrays.copyOf(good, good.length - 12)));
        byte[] damaged = good.clone();
        damaged[45] ^= 0x55;
        assertEquals("a.png: PNG chunk IDAT fails its CRC check (the file is damaged)", message(damaged));
        byte[] interlaced = good.clone();
        interlaced[8 + 8 + 12] = 1;
        fixCrc(interlaced, 8);
        assertEquals("a.png: interlaced (Adam7) PNG is not supported; save it non-interlaced", message(interlaced));
        byte[] badFilter = withIdat(PngWriter.encode(3, 2, 0, 8, new int[6]), new byte[] {0, 1, 2, 3, 9, 1, 1, 1});
        assertEquals("a.png: PNG row 2 has unknown filter type 9", message(badFilter));
        byte[] shortData = withIdat(PngWriter.encode(3, 2, 0, 8, new int[6]), new byte[] {0, 1, 2, 3});
        assertEquals("a.png: PNG image data ends after 1 of 2 rows (the file is truncated)", message(shortData));
        byte[] wrongDepth = good.clone();
        wrongDepth[8 + 8 + 8] = 3;
        fixCrc(wrongDepth, 8);
        assertEquals("a.png: PNG colour type 0 with bit depth 3 is not a valid combination", message(wrongDepth));
    }

    private static String message(byte[] png) {
        return assertThrows(DatasetException.class, () -> ImageDecoders.decode(png, "a.png")).getMessage();
    }

    private static void fixCrc(byte[] png, int chunk) {
        int length = PngDecoder.int32(png, chunk);
        CRC32 crc = new CRC32();
        crc.update(png, chunk + 4, length + 4);
        int v = (int) crc.getValue();
        int at = chunk + 8 + length;
        png[at] = (byte) (v >>> 24);
        png[at + 1] = (byte) (v >>> 16);
        png[at + 2] = (byte) (v >>> 8);
        png[at + 3] = (byte) v;
    }
}
