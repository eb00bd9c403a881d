package studio.backprop.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small binary container of named float arrays: the magic "BPSA", a count, then per array its name (UTF-8),
 * its length and its floats (big-endian IEEE 754), so saved numbers come back bit for bit.
 */
final class NamedArrays {

    private static final int MAGIC = 0x42505341;

    private NamedArrays() {
    }

    static void write(OutputStream out, Map<String, float[]> arrays) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(arrays.size());
        for (Map.Entry<String, float[]> e : arrays.entrySet()) {
            data.writeUTF(e.getKey());
            data.writeInt(e.getValue().length);
            for (float v : e.getValue()) {
                data.writeFloat(v);
            }
        }
        data.flush();
    }

    /**
     * Reads an array block; every length it claims is checked against the bytes left before anything is
     * allocated, and a block cut short is a {@link SessionFormatException}, never a bare EOFException.
     */
    static Map<String, float[]> read(java.io.ByteArrayInputStream in, String entry) throws IOException {
        try {
            return readBlock(in, entry);
        } catch (java.io.EOFException | java.io.UTFDataFormatException e) {
            throw new SessionFormatException("the part '" + entry + "' of the session is cut short or damaged", e);
        }
    }

    private static Map<String, float[]> readBlock(java.io.ByteArrayInputStream in, String entry) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new SessionFormatException("the part '" + entry + "' of the session is not an array block");
        }
        int count = data.readInt();
        if (count < 0 || count > in.available() / 6) {
            throw new SessionFormatException("the part '" + entry + "' claims " + count + " arrays, but its "
                    + in.available() + " remaining bytes hold at most " + in.available() / 6);
        }
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = data.readUTF();
            int length = data.readInt();
            if (length < 0 || (long) length * Float.BYTES > in.available()) {
                throw new SessionFormatException("array '" + studio.backprop.tensor.Excerpt.of(name) + "' in '"
                        + entry + "' claims " + length + " values, but only " + in.available() / Float.BYTES
                        + " follow in the file; the session is damaged");
            }
            float[] values = new float[length];
            for (int j = 0; j < length; j++) {
                values[j] = data.readFloat();
            }
            arrays.put(name, values);
        }
        return arrays;
    }

    /** Ints stored exactly as floats would lose precision above 2²⁴, so int arrays travel as raw bits. */
    static float[] fromInts(int[] ints) {
        float[] f = new float[ints.length];
        for (int i = 0; i < ints.length; i++) {
            f[i] = Float.intBitsToFloat(ints[i]);
        }
        return f;
    }

    static int[] toInts(float[] floats) {
        int[] ints = new int[floats.length];
        for (int i = 0; i < floats.length; i++) {
            ints[i] = Float.floatToRawIntBits(floats[i]);
        }
        return ints;
    }
}
