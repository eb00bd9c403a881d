package studio.backprop.data;

/** Undoes PNG row filters in place: None, Sub, Up, Average and Paeth, each row predicted from decoded bytes. */
final class PngFilters {

    private PngFilters() {
    }

    static void unfilter(byte[] raw, PngHeader h, String name) throws DatasetException {
        int rowBytes = h.rowBytes();
        int stride = h.filterStride();
        for (int r = 0; r < h.height; r++) {
            int start = r * (rowBytes + 1) + 1;
            int prior = start - rowBytes - 1;
            int filter = raw[start - 1] & 0xff;
            if (filter > 4) {
                throw new DatasetException(name + ": PNG row " + (r + 1) + " has unknown filter type " + filter);
            }
            for (int i = 0; i < rowBytes; i++) {
                int left = i >= stride ? raw[start + i - stride] & 0xff : 0;
                int up = r > 0 ? raw[prior + i] & 0xff : 0;
                int upLeft = r > 0 && i >= stride ? raw[prior + i - stride] & 0xff : 0;
                raw[start + i] = (byte) (raw[start + i] + predict(filter, left, up, upLeft));
            }
        }
    }

    static int predict(int filter, int left, int up, int upLeft) {
        switch (filter) {
            case 1:
                return left;
            case 2:
                return up;
            case 3:
                return (left + up) >>> 1;
            case 4:
                return paeth(left, up, upLeft);
            default:
                return 0;
        }
    }

    /** The neighbour closest to left + up − upLeft; ties prefer left, then up. */
    static int paeth(int left, int up, int upLeft) {
        int p = left + up - upLeft;
        int pa = Math.abs(p - left);
        int pb = Math.abs(p - up);
        int pc = Math.abs(p - upLeft);
        if (pa <= pb && pa <= pc) {
            return left;
        }
        return pb <= pc ? up : upLeft;
    }
}
