package studio.backprop.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded mutations of a file's bytes or text, the kinds that damaged and hostile files contain: flipped bits,
 * boundary bytes, cut and repeated regions, truncation, and in text numbers replaced by extreme ones and
 * brackets nested deep.
 */
final class Mutator {

    private static final byte[] BOUNDARY = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0xfe};
    private static final String[] NUMBERS = {"0", "-1", "2147483647", "-2147483648", "4294967296", "99999",
        "1e400", "1e39", "NaN", "Infinity", "-0", "0.5", "3x3", "", "big", "1,1,1,1"};
    private static final String[] TEXT = {"\n", "[", "]", "=", "->", "\u001b[31m", "\uFEFF", "\t", "[layer x]\n",
        "[data csv]\n", "  ", "#", ",", "\"", "..", "/"};

    private final Random random;

    Mutator(long seed) {
        random = new Random(seed);
    }

    /** One to three byte-level mutations of a copy of {@code in}. */
    byte[] bytes(byte[] in) {
        byte[] b = in.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = BOUNDARY[random.nextInt(BOUNDARY.length)];
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> b = splice(b, at, Math.min(b.length, at + 1 + random.nextInt(16)), new byte[0]);
                case 4 -> b = splice(b, at, at, Arrays.copyOfRange(b, at, Math.min(b.length, at + 1
                        + random.nextInt(64))));
                case 5 -> {
                    for (int i = at; i < Math.min(b.length, at + 4); i++) {
                        b[i] = BOUNDARY[random.nextInt(BOUNDARY.length)];
                    }
                }
                default -> b[at] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    /** One to three text-level mutations: numbers made extreme, lines dropped or repeated, odd text inserted. */
    String text(String in) {
        String t = in;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(6)) {
                case 0 -> t = replaceNumber(t);
                case 1 -> t = insert(t, TEXT[random.nextInt(TEXT.length)]);
                case 2 -> t = dropLine(t);
                case 3 -> t = insert(t, "[".repeat(1 + random.nextInt(3000)));
                case 4 -> t = replaceNumber(replaceNumber(t));
                default -> t = new String(bytes(t.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            }
        }
        return t;
    }

    private String replaceNumber(String t) {
        int start = t.length() == 0 ? 0 : random.nextInt(t.length());
        for (int i = start; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                int end = i;
                while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == '.')) {
                    end++;
                }
                return t.substring(0, i) + NUMBERS[random.nextInt(NUMBERS.length)] + t.substring(end);
            }
        }
        return t;
    }

    private String insert(String t, String what) {
        int at = t.isEmpty() ? 0 : random.nextInt(t.length() + 1);
        return t.substring(0, at) + what + t.substring(at);
    }

    private String dropLine(String t) {
        String[] lines = t.split("\n", -1);
        if (lines.length < 2) {
            return t;
        }
        int drop = random.nextInt(lines.length);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i != drop) {
                sb.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
            }
        }
        return sb.toString();
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, from);
        out.writeBytes(insert);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
