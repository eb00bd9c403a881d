package studio.backprop.data;

/** Recognises an image by its first bytes, decodes PNG, PGM (P5) and PPM (P6), and refuses others by name. */
final class ImageDecoders {

    private ImageDecoders() {
    }

    static Raster decode(byte[] b, String name) throws DatasetException {
        if (startsWith(b, PngDecoder.SIGNATURE)) {
            return PngDecoder.decode(b, name);
        }
        if (b.length >= 2 && b[0] == 'P' && (b[1] == '5' || b[1] == '6')) {
            return PnmDecoder.decode(b, name);
        }
        String format = refusedFormat(b);
        if (format != null) {
            throw new DatasetException(name + ": " + format + " is not supported; convert to PNG");
        }
        throw new DatasetException(name + ": not a PNG, PGM (P5) or PPM (P6) image");
    }

    private static String refusedFormat(byte[] b) {
        if (startsWith(b, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "JPEG";
        }
        if (startsWith(b, new byte[] {'G', 'I', 'F', '8'})) {
            return "GIF";
        }
        if (startsWith(b, new byte[] {'B', 'M'})) {
            return "BMP";
        }
        if (startsWith(b, new byte[] {'R', 'I', 'F', 'F'}) && b.length >= 12 && b[8] == 'W' && b[9] == 'E') {
            return "WebP";
        }
        if (startsWith(b, new byte[] {'I', 'I', '*', 0}) || startsWith(b, new byte[] {'M', 'M', 0, '*'})) {
            return "TIFF";
        }
        if (b.length >= 2 && b[0] == 'P' && b[1] >= '1' && b[1] <= '4') {
            return "plain-text or bitmap Netpbm (P" + (char) b[1] + ")";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
