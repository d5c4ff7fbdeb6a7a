package io.p2c2r.common.task;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A read-only, validating view of one JSON object of task data. Values are the plain tree the codec
 * builds: {@code Map<String,Object>}, {@code List<Object>}, {@code String}, {@code Boolean} and
 * {@code BigDecimal}. Every getter checks type and range and throws {@link InvalidTaskException}
 * naming the field's path (e.g. {@code data.agents[2].start[0]}), the value and the allowed range.
 * Immutable and thread-safe; build one with {@code Codec.params(json)}.
 */
public final class Params {
    private final String path;
    private final Map<String, Object> values;

    public Params(String path, Map<String, Object> values) {
        this.path = path;
        this.values = Collections.unmodifiableMap(values);
    }

    /** The dotted path of this object inside the task, e.g. {@code data} or {@code data.camera}. */
    public String path() {
        return path;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** Rejects any field not in {@code allowed}, so that a typo is an error rather than a silent default. */
    public void allowOnly(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String name : values.keySet()) {
            if (!ok.contains(name)) {
                throw new InvalidTaskException(field(name) + " is not a known field; known fields: " + new TreeSet<>(ok));
            }
        }
    }

    public String field(String name) {
        return path + "." + name;
    }

    // ---- numbers ----

    public int intValue(String name, int def, int min, int max) {
        return has(name) ? requireInt(name, min, max) : def;
    }

    public int requireInt(String name, int min, int max) {
        return toInt(field(name), require(name), min, max);
    }

    public long longValue(String name, long def, long min, long max) {
        if (!has(name)) {
            return def;
        }
        BigDecimal v = number(field(name), values.get(name));
        try {
            long l = v.longValueExact();
            if (l < min || l > max) {
                throw outOfRange(field(name), v, min, max);
            }
            return l;
        } catch (ArithmeticException e) {
            throw new InvalidTaskException(field(name) + " = " + v.toPlainString() + " is not an integer in range [" + min + ", " + max + "]");
        }
    }

    public double doubleValue(String name, double def, double min, double max) {
        return has(name) ? requireDouble(name, min, max) : def;
    }

    public double requireDouble(String name, double min, double max) {
        return toDouble(field(name), require(name), min, max);
    }

    // ---- other scalars ----

    public boolean bool(String name, boolean def) {
        if (!has(name)) {
            return def;
        }
        Object v = values.get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(field(name), v, "true or false");
    }

    public String string(String name, String def, int maxLength) {
        return has(name) ? requireString(name, maxLength) : def;
    }

    public String requireString(String name, int maxLength) {
        Object v = require(name);
        if (!(v instanceof String s)) {
            throw wrongType(field(name), v, "a string");
        }
        if (s.length() > maxLength) {
            throw new InvalidTaskException(field(name) + " has " + s.length() + " characters; the limit is " + maxLength);
        }
        return s;
    }

    /** A string that must be one of {@code allowed} (case-sensitive). */
    public String oneOf(String name, String def, String... allowed) {
        if (!has(name)) {
            return def;
        }
        String s = requireString(name, 256);
        if (!Arrays.asList(allowed).contains(s)) {
            throw new InvalidTaskException(field(name) + " = \"" + s + "\" is not one of " + Arrays.toString(allowed));
        }
        return s;
    }

    // ---- arrays and objects ----

    /** An array of integers; {@code length} exact, or -1 for any length up to {@code maxLength}. */
    public int[] intArray(String name, int length, int maxLength, int min, int max) {
        List<Object> list = list(name, length, maxLength);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(field(name) + "[" + i + "]", list.get(i), min, max);
        }
        return out;
    }

    public Optional<int[]> optIntArray(String name, int length, int maxLength, int min, int max) {
        return has(name) ? Optional.of(intArray(name, length, maxLength, min, max)) : Optional.empty();
    }

    /** An array of numbers; {@code length} exact, or -1 for any length up to {@code maxLength}. */
    public double[] doubleArray(String name, int length, int maxLength, double min, double max) {
        List<Object> list = list(name, length, maxLength);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(field(name) + "[" + i + "]", list.get(i), min, max);
        }
        return out;
    }

    public Optional<double[]> optDoubleArray(String name, int length, int maxLength, double min, double max) {
        return has(name) ? Optional.of(doubleArray(name, length, maxLength, min, max)) : Optional.empty();
    }

    /** An array of integer tuples such as {@code [[2,2],[3,4]]}, each of exactly {@code columns} values. */
    public int[][] intRows(String name, int columns, int maxRows, int min, int max) {
        List<Object> list = list(name, -1, maxRows);
        int[][] out = new int[list.size()][];
        for (int r = 0; r < out.length; r++) {
            String at = field(name) + "[" + r + "]";
            List<Object> row = asList(at, list.get(r), columns, columns);
            out[r] = new int[columns];
            for (int c = 0; c < columns; c++) {
                out[r][c] = toInt(at + "[" + c + "]", row.get(c), min, max);
            }
        }
        return out;
    }

    /** An array of number tuples, each of exactly {@code columns} values. */
    public double[][] doubleRows(String name, int columns, int maxRows, double min, double max) {
        List<Object> list = list(name, -1, maxRows);
        double[][] out = new double[list.size()][];
        for (int r = 0; r < out.length; r++) {
            String at = field(name) + "[" + r + "]";
            List<Object> row = asList(at, list.get(r), columns, columns);
            out[r] = new double[columns];
            for (int c = 0; c < columns; c++) {
                out[r][c] = toDouble(at + "[" + c + "]", row.get(c), min, max);
            }
        }
        return out;
    }

    /** An array of strings, each at most {@code maxLength} characters. */
    public List<String> strings(String name, int maxCount, int maxLength) {
        List<Object> list = list(name, -1, maxCount);
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = field(name) + "[" + i + "]";
            if (!(list.get(i) instanceof String s)) {
                throw wrongType(at, list.get(i), "a string");
            }
            if (s.length() > maxLength) {
                throw new InvalidTaskException(at + " has " + s.length() + " characters; the limit is " + maxLength);
            }
            out.add(s);
        }
        return out;
    }

    /** A nested object, if present. */
    public Optional<Params> object(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        return Optional.of(asParams(field(name), values.get(name)));
    }

    /** An array of objects, at most {@code maxCount}; empty if absent. */
    public List<Params> objects(String name, int maxCount) {
        if (!has(name)) {
            return List.of();
        }
        List<Object> list = list(name, -1, maxCount);
        List<Params> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(asParams(field(name) + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    /** The raw array at {@code name} (elements are the plain tree types), for shapes the getters above do not cover. */
    public List<Object> list(String name, int length, int maxLength) {
        return asList(field(name), require(name), length, maxLength);
    }

    // ---- helpers ----

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new InvalidTaskException(field(name) + " is required");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(String at, Object v, int length, int maxLength) {
        if (!(v instanceof List<?> list)) {
            throw wrongType(at, v, "an array");
        }
        if (length >= 0 && list.size() != length) {
            throw new InvalidTaskException(at + " has " + list.size() + " elements; expected exactly " + length);
        }
        if (list.size() > maxLength) {
            throw new InvalidTaskException(at + " has " + list.size() + " elements; the limit is " + maxLength);
        }
        return (List<Object>) list;
    }

    @SuppressWarnings("unchecked")
    private static Params asParams(String at, Object v) {
        if (!(v instanceof Map<?, ?> map)) {
            throw wrongType(at, v, "an object");
        }
        return new Params(at, (Map<String, Object>) map);
    }

    private static BigDecimal number(String at, Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        throw wrongType(at, v, "a number");
    }

    private static int toInt(String at, Object v, int min, int max) {
        BigDecimal d = number(at, v);
        int i;
        try {
            i = d.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidTaskException(at + " = " + d + " is not an integer in range [" + min + ", " + max + "]");
        }
        if (i < min || i > max) {
            throw outOfRange(at, d, min, max);
        }
        return i;
    }

    private static double toDouble(String at, Object v, double min, double max) {
        BigDecimal d = number(at, v);
        double x = d.doubleValue();
        if (!Double.isFinite(x) || x < min || x > max) {
            throw outOfRange(at, d, min, max);
        }
        return x;
    }

    private static InvalidTaskException outOfRange(String at, BigDecimal value, Object min, Object max) {
        return new InvalidTaskException(at + " = " + value + " is out of range [" + min + ", " + max + "]");
    }

    private static InvalidTaskException wrongType(String at, Object v, String expected) {
        String got = v instanceof String s ? "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\""
                : v instanceof List ? "an array" : v instanceof Map ? "an object" : String.valueOf(v);
        return new InvalidTaskException(at + " = " + got + " is not " + expected);
    }
}
