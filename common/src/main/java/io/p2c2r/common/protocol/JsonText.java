package io.p2c2r.common.protocol;

/**
 * The check on raw JSON text that the streaming parser does not make: a string must be valid Unicode, so a
 * UTF-16 surrogate, raw or written as {@code \}{@code uD800}, must come in a high-low pair. Two strings that
 * differ only in unpaired surrogates would otherwise encode to the same UTF-8 bytes and share a cache key.
 * One linear pass; stateless and thread-safe.
 */
final class JsonText {
    private JsonText() {}

    /** Throws {@code bad_json} naming the first offending character; meant for text the parser accepts. */
    static void check(String text) {
        boolean inString = false;
        boolean wantLow = false; // the previous code unit in this string was a high surrogate
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!inString) {
                inString = c == '"';
                continue;
            }
            int start = i;
            char unit;
            if (c == '"') {
                if (wantLow) {
                    throw unpaired(text, start);
                }
                inString = false;
                continue;
            } else if (c == '\\') {
                char e = i + 1 < n ? text.charAt(i + 1) : 0;
                if (e == 'u' && i + 5 < n) {
                    unit = (char) Integer.parseInt(text, i + 2, i + 6, 16);
                    i += 5;
                } else {
                    unit = e; // a one-letter escape (or a broken one, which the parser reports)
                    i += 1;
                }
            } else {
                unit = c;
            }
            if (wantLow != Character.isLowSurrogate(unit)) {
                throw unpaired(text, start);
            }
            wantLow = Character.isHighSurrogate(unit);
        }
    }

    private static ProtocolException unpaired(String text, int at) {
        return new ProtocolException(ErrorCodes.BAD_JSON, "malformed JSON " + location(text, at)
                + ": a string holds an unpaired UTF-16 surrogate; strings must be valid Unicode");
    }

    /** "at line L column C", 1-based, as the parser's own messages count. */
    static String location(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "at line " + line + " column " + (index - lineStart + 1);
    }
}
