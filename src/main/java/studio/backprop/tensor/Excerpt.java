package studio.backprop.tensor;

/**
 * Text from a file made safe to quote in a message: control characters (terminal escape codes among them)
 * become '?', and anything past {@link #LIMIT} characters is cut with an ellipsis, so a 5 MB line or a name
 * holding escape codes cannot flood or steer the terminal that shows the message.
 */
public final class Excerpt {

    /** The most characters of a file's text a message quotes. */
    public static final int LIMIT = 60;

    private Excerpt() {
    }

    /** At most {@link #LIMIT} printable characters of {@code text}, "…" marking a cut. */
    public static String of(String text) {
        return of(text, LIMIT);
    }

    /** At most {@code limit} printable characters of {@code text}, "…" marking a cut. */
    public static String of(String text, int limit) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), limit + 1));
        for (int i = 0; i < text.length() && sb.length() < limit; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202e' ? '?' : c);
        }
        if (text.length() > limit) {
            sb.append('…');
        }
        return sb.toString();
    }

    /**
     * A whole message made safe for a terminal: control characters other than line breaks and tabs become '?',
     * each line is cut at {@code lineLimit} characters and at most {@code maxLines} lines are kept.
     */
    public static String message(String text, int lineLimit, int maxLines) {
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length && i < maxLines; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(of(lines[i].replace('\t', ' ').replace("\r", ""), lineLimit));
        }
        if (lines.length > maxLines) {
            sb.append("\n… (").append(lines.length - maxLines).append(" more lines)");
        }
        return sb.toString();
    }
}
