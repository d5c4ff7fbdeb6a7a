package io.p2c2r.common.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed reads of one JSON object's members, by protocol field name. Each read checks the member's JSON type
 * (a number is never read as a string, nor a string as a number) and, for numbers, the range, and reports a
 * refusal with the field's full name and the value as it was sent. A JSON {@code null} is the same as an
 * absent member. Immutable; thread-safe.
 */
final class Fields {
    private final JsonObject object;
    private final String prefix;

    Fields(JsonObject object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    String string(String name) {
        String v = optString(name);
        if (v == null) {
            throw ProtocolException.missing(prefix + name);
        }
        return v;
    }

    String optString(String name) {
        JsonElement e = member(name);
        if (e == null) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrongType(name, "a string", e);
        }
        return e.getAsString();
    }

    long integer(String name, long min, long max) {
        Long v = optInteger(name, min, max);
        if (v == null) {
            throw ProtocolException.missing(prefix + name);
        }
        return v;
    }

    /** An integer: a JSON number with no fractional part ({@code 3}, {@code 3.0} and {@code 3e0} are equal). */
    Long optInteger(String name, long min, long max) {
        BigDecimal d = decimal(name, "an integer");
        if (d == null) {
            return null;
        }
        boolean integral = d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        if (!integral || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ProtocolException.invalid(prefix + name, member(name).getAsString(),
                    "must be an integer in [" + min + ", " + max + "]");
        }
        return d.longValueExact();
    }

    double number(String name, double min, double max) {
        Double v = optNumber(name, min, max);
        if (v == null) {
            throw ProtocolException.missing(prefix + name);
        }
        return v;
    }

    Double optNumber(String name, double min, double max) {
        BigDecimal d = decimal(name, "a number");
        if (d == null) {
            return null;
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ProtocolException.invalid(prefix + name, member(name).getAsString(),
                    "must be a number in [" + plain(min) + ", " + plain(max) + "]");
        }
        return d.doubleValue();
    }

    Fields object(String name) {
        JsonElement e = member(name);
        if (e == null) {
            throw ProtocolException.missing(prefix + name);
        }
        if (!e.isJsonObject()) {
            throw wrongType(name, "an object", e);
        }
        return new Fields(e.getAsJsonObject(), prefix + name + ".");
    }

    Fields optObject(String name) {
        return member(name) == null ? null : object(name);
    }

    /** Any JSON value, kept as text; absent or null gives null. */
    RawJson optValue(String name) {
        JsonElement e = member(name);
        return e == null ? null : Codec.rawOf(e);
    }

    /** Every member of this object, as strings; at most {@code maxEntries} of them. */
    Map<String, String> strings(int maxEntries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : keys(maxEntries)) {
            out.put(key, optString(key));
        }
        return out;
    }

    /** Every member of this object, as numbers in [{@code min}, {@code max}]; at most {@code maxEntries}. */
    Map<String, Double> numbers(int maxEntries, double min, double max) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String key : keys(maxEntries)) {
            out.put(key, optNumber(key, min, max));
        }
        return out;
    }

    private Iterable<String> keys(int maxEntries) {
        if (object.size() > maxEntries) {
            throw ProtocolException.invalid(prefix.isEmpty() ? "message" : prefix.substring(0, prefix.length() - 1),
                    object.size() + " entries", "may have at most " + maxEntries);
        }
        return object.keySet();
    }

    private BigDecimal decimal(String name, String expected) {
        JsonElement e = member(name);
        if (e == null) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrongType(name, expected, e);
        }
        String text = e.getAsString();
        try {
            // No protocol number needs 64 characters; longer ones would only cost time to convert.
            if (text.length() <= 64) {
                return new BigDecimal(text);
            }
        } catch (NumberFormatException | ArithmeticException ex) {
            // An exponent past what BigDecimal holds: no protocol field accepts such a number.
        }
        throw ProtocolException.invalid(prefix + name, text, "is out of range");
    }

    private JsonElement member(String name) {
        JsonElement e = object.get(name);
        return e == null || e.isJsonNull() ? null : e;
    }

    private ProtocolException wrongType(String name, String expected, JsonElement got) {
        return new ProtocolException(ErrorCodes.INVALID_FIELD, prefix + name + " must be " + expected + ", not " + kind(got));
    }

    /** How a value reads in an error: {@code the number 42}, {@code true}, {@code an object}. */
    static String kind(JsonElement e) {
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        String text = p.getAsString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return p.isBoolean() ? shown : p.isNumber() ? "the number " + shown : "the string \"" + shown + "\"";
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
