package studio.backprop.data;

import studio.backprop.tensor.MemoryBudget;

/** The IHDR fields of a PNG and the row geometry they imply. */
final class PngHeader {

    final int width;
    final int height;
    final int bitDepth;
    final int colorType;
    /** Samples per pixel as stored: 1 grey or palette index, 2 grey + alpha, 3 RGB, 4 RGBA. */
    final int samples;

    private PngHeader(int width, int height, int bitDepth, int colorType, int samples) {
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.colorType = colorType;
        this.samples = samples;
    }

    static PngHeader parse(byte[] b, int at, int length, String name) throws DatasetException {
        if (length != 13) {
            throw new DatasetException(name + ": PNG IHDR chunk has " + length + " bytes instead of 13");
        }
        int width = PngDecoder.int32(b, at);
        int height = PngDecoder.int32(b, at + 4);
        int depth = b[at + 8] & 0xff;
        int type = b[at + 9] & 0xff;
        if (b[at + 12] != 0) {
            throw new DatasetException(name + ": interlaced (Adam7) PNG is not supported; save it non-interlaced");
        }
        if (b[at + 10] != 0 || b[at + 11] != 0) {
            throw new DatasetException(name + ": unknown PNG compression or filter method");
        }
        int samples = samplesOf(type);
        if (samples == 0 || !depthAllowed(type, depth)) {
            throw new DatasetException(name + ": PNG colour type " + type + " with bit depth " + depth
                    + " is not a valid combination");
        }
        if (width <= 0 || height <= 0 || (long) width * height * 4 > Integer.MAX_VALUE - 8
                || (long) height * ((long) width * samples * depth / 8 + 2) > Integer.MAX_VALUE - 8) {
            throw new DatasetException(name + ": the PNG header claims " + Integer.toUnsignedString(width) + "×"
                    + Integer.toUnsignedString(height) + " pixels, " + (width == 0 || height == 0 ? "an empty image"
                    : "more than one image can hold (at most about 23,000×23,000); scale the image down"));
        }
        PngHeader h = new PngHeader(width, height, depth, type, samples);
        String memory = MemoryBudget.problem(MemoryBudget.sum(h.rawSize(),
                MemoryBudget.product(width, height, 4, MemoryBudget.FLOAT_BYTES)));
        if (memory != null) {
            throw new DatasetException(name + ": the PNG header claims " + width + "×" + height + " pixels; " + memory
                    + "; scale the image down");
        }
        return h;
    }

    /** Bytes per row without the filter byte. */
    int rowBytes() {
        return (int) (((long) width * samples * bitDepth + 7) / 8);
    }

    /** Byte distance to the same sample of the previous pixel, as the filters use it (at least 1). */
    int filterStride() {
        return Math.max(1, samples * bitDepth / 8);
    }

    /** Size of the decompressed image: each row is a filter byte and its samples. */
    int rawSize() {
        return height * (rowBytes() + 1);
    }

    private static int samplesOf(int type) {
        switch (type) {
            case 0:
            case 3:
                return 1;
            case 2:
                return 3;
            case 4:
                return 2;
            case 6:
                return 4;
            default:
                return 0;
        }
    }

    private static boolean depthAllowed(int type, int depth) {
        switch (type) {
            case 0:
                return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3:
                return depth == 1 || depth == 2 || depth == 4 || depth == 8;
            default:
                return depth == 8 || depth == 16;
        }
    }
}
