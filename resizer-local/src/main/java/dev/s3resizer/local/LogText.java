package dev.s3resizer.local;

/**
 * Text from outside (an S3 key, a message that quotes one) made safe for a log line: control
 * characters, DEL, C1 controls, the Unicode line and paragraph separators and the backslash are
 * written as {@code \\uXXXX}, so a key cannot break a line in two or forge another.
 *
 * <p>{@code LogText.escape("a\nb.jpg")} is {@code a\u000ab.jpg}.
 */
public final class LogText {

    private LogText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F || c == '\\' || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
