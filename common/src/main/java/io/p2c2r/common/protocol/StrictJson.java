package io.p2c2r.common.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one strict JSON value (RFC 8259) into a tree: no comments, quotes or names other than the standard
 * ones, nothing after the value, at most {@link Codec#MAX_NESTING} levels, no duplicate names in an object,
 * valid Unicode strings. Errors say what is wrong and where in JSON terms, never in the parser's. Numbers
 * keep the text they were written with. Stateless and thread-safe.
 */
final class StrictJson {
    private static final Pattern GSON_LOCATION = Pattern.compile(" at line (\\d+) column (\\d+)");

    private StrictJson() {}

    static JsonElement parse(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(Codec.MAX_NESTING);
        JsonElement value;
        try {
            value = read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw bad("unexpected data after the JSON value", reader);
            }
        } catch (IOException e) {
            throw new ProtocolException(ErrorCodes.BAD_JSON, describe(e.getMessage()));
        }
        JsonText.check(text);
        return value;
    }

    private static JsonElement read(JsonReader in) throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    String name = in.nextName();
                    if (object.has(name)) {
                        throw new ProtocolException(ErrorCodes.BAD_JSON, "malformed JSON: the name '" + abbreviate(name)
                                + "' appears twice in " + where(in.getPath(), name));
                    }
                    object.add(name, read(in));
                }
                in.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    array.add(read(in));
                }
                in.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(in.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new NumberText(in.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(in.nextBoolean());
            }
            case NULL -> {
                in.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw bad("expected a value", in);
        }
    }

    private static ProtocolException bad(String what, JsonReader in) {
        Matcher m = GSON_LOCATION.matcher(in.toString());
        String at = m.find() ? " at line " + m.group(1) + " column " + m.group(2) : "";
        return new ProtocolException(ErrorCodes.BAD_JSON, "malformed JSON" + at + ": " + what);
    }

    /** The object a member named {@code name} at {@code memberPath} ({@code $.task.data.x}) belongs to. */
    private static String where(String memberPath, String name) {
        String path = memberPath.endsWith("." + name) ? memberPath.substring(0, memberPath.length() - name.length() - 1) : memberPath;
        return path.equals("$") ? "the top-level object" : "the object " + path.substring(path.startsWith("$.") ? 2 : 1);
    }

    /** The parser's message, reworded: what went wrong, and the line and column, without its own vocabulary. */
    static String describe(String parserMessage) {
        String message = parserMessage == null ? "" : parserMessage;
        int cut = message.indexOf('\n');
        message = cut >= 0 ? message.substring(0, cut) : message;
        Matcher m = GSON_LOCATION.matcher(message);
        String at = "";
        String what = message;
        if (m.find()) {
            at = " at line " + m.group(1) + " column " + m.group(2);
            what = message.substring(0, m.start());
        }
        if (what.startsWith("Use JsonReader") || what.isEmpty()) {
            what = "not strict JSON (a comment, a single quote, an unquoted name or value, a leading zero, or data after the value)";
        } else if (what.startsWith("Nesting limit")) {
            what = "arrays and objects nested deeper than " + Codec.MAX_NESTING + " levels";
        } else if (what.startsWith("End of input")) {
            what = "the text ends before the JSON value does";
        } else if (what.startsWith("Unescaped control")) {
            what = "a control character (U+0000 to U+001F) inside a string must be written as an escape";
        } else if (what.startsWith("Expected name")) {
            what = "expected a quoted member name (a trailing comma?)";
        } else {
            what = Character.toLowerCase(what.charAt(0)) + what.substring(1);
        }
        return "malformed JSON" + at + ": " + what;
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    /**
     * A JSON number kept as the text it was written with, so that relaying it changes nothing; converted on
     * demand. Conversions to integers are exact or throw, never silently wrapped.
     */
    static final class NumberText extends Number {
        private static final long serialVersionUID = 1L;
        private final String text;

        NumberText(String text) {
            this.text = text;
        }

        BigDecimal decimal() {
            return new BigDecimal(text);
        }

        @Override
        public int intValue() {
            return decimal().intValueExact();
        }

        @Override
        public long longValue() {
            return decimal().longValueExact();
        }

        @Override
        public float floatValue() {
            return Float.parseFloat(text);
        }

        @Override
        public double doubleValue() {
            return Double.parseDouble(text);
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NumberText other && text.equals(other.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }
}
