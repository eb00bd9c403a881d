package studio.backprop.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

    static Map<String, float[]> read(InputStream in, String entry) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new SessionFormatException("the part '" + entry + "' of the session is not an array block");
        }
        int count = data.readInt();
        if (count < 0 || count > 1_000_000) {
            throw new SessionFormatException("the part '" + entry + "' claims " + count + " arrays");
        }
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = data.readUTF();
            int length = data.readInt();
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw new SessionFormatException("array '" + name + "' in '" + entry + "' has an impossible length");
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
