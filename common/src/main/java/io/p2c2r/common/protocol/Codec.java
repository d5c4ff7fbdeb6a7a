package io.p2c2r.common.protocol;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that reads and writes JSON. Parsing is strict (RFC 8259, no comments, no trailing data)
 * with a nesting limit, so that a hostile frame cannot exhaust the stack. Stateless and thread-safe.
 */
public final class Codec {
    /** Deepest allowed nesting of arrays and objects in any frame. */
    public static final int MAX_NESTING = 64;
    /** Longest number literal accepted in task data or results. */
    public static final int MAX_NUMBER_CHARS = 200;

    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapter(RawJson.class, new RawJsonAdapter())
            .registerTypeAdapter(String.class, new StrictStringAdapter())
            .registerTypeAdapterFactory(StrictNumberAdapters.FACTORY)
            .setStrictness(Strictness.STRICT)
            .disableHtmlEscaping()
            .create();
    private static final TypeAdapter<JsonElement> ELEMENTS = GSON.getAdapter(JsonElement.class);

    private static final Map<String, Class<? extends ClientMessage>> CLIENT = Map.of(
            RegisterPeer.TYPE, RegisterPeer.class,
            RegisterGamer.TYPE, RegisterGamer.class,
            SubmitTask.TYPE, SubmitTask.class,
            PeerTaskResult.TYPE, PeerTaskResult.class,
            Heartbeat.TYPE, Heartbeat.class,
            GetTask.TYPE, GetTask.class,
            CancelTask.TYPE, CancelTask.class,
            Capacity.TYPE, Capacity.class,
            ReleaseTask.TYPE, ReleaseTask.class);
    private static final Map<String, Class<? extends ServerMessage>> SERVER = Map.of(
            Registered.TYPE, Registered.class,
            ExecuteTask.TYPE, ExecuteTask.class,
            TaskAccepted.TYPE, TaskAccepted.class,
            GamerTaskResult.TYPE, GamerTaskResult.class,
            ResultAccepted.TYPE, ResultAccepted.class,
            TaskCorrected.TYPE, TaskCorrected.class,
            TaskProgress.TYPE, TaskProgress.class,
            ErrorMessage.TYPE, ErrorMessage.class);

    private Codec() {}

    /** Decodes a frame sent by a peer or gamer; throws {@link ProtocolException} naming the problem. */
    public static ClientMessage decodeClient(String text) {
        return decode(text, CLIENT, ClientMessages::decode);
    }

    /** Decodes a frame sent by the coordinator. */
    public static ServerMessage decodeServer(String text) {
        return decode(text, SERVER, (type, obj) -> GSON.fromJson(obj, SERVER.get(type)));
    }

    public static String encode(Message message) {
        String body = GSON.toJson(message);
        String head = "{\"type\":\"" + message.type() + "\"";
        return body.equals("{}") ? head + "}" : head + "," + body.substring(1);
    }

    /** Parses task data (a JSON object) into validated-on-read {@link Params} rooted at {@code data}. */
    public static Params params(String json) {
        JsonElement e;
        try {
            e = parseStrict(json);
        } catch (ProtocolException ex) {
            throw new InvalidTaskException("data is not valid JSON: " + ex.getMessage());
        }
        if (!e.isJsonObject()) {
            throw new InvalidTaskException("data must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) toTree(e);
        return new Params("data", map);
    }

    public static Params params(RawJson json) {
        return params(json.text());
    }

    /** Task data parsed once into both its {@link Params} view and its {@link #canonical} text. */
    public record ParsedData(Params params, String canonical) {
    }

    /** As {@link #params(RawJson)} and {@link #canonical(RawJson)} together, parsing the text once. */
    public static ParsedData parseData(RawJson json) {
        JsonElement e;
        try {
            e = parseStrict(json.text());
        } catch (ProtocolException ex) {
            throw new InvalidTaskException("data is not valid JSON: " + ex.getMessage());
        }
        if (!e.isJsonObject()) {
            throw new InvalidTaskException("data must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) toTree(e);
        return new ParsedData(new Params("data", map), canonicalText(e, json.text().length()));
    }

    /** Serialises a result tree (maps, lists, strings, numbers, booleans, primitive arrays) as JSON. */
    public static RawJson toRaw(Object tree) {
        return new RawJson(GSON.toJson(tree));
    }

    /**
     * Reads strict JSON text into {@code type}, a record of plain fields in snake_case, such as a local file this
     * program wrote (a peer's status); throws {@link ProtocolException} naming what is wrong.
     */
    public static <T> T read(String text, Class<T> type) {
        JsonElement e = parseStrict(text);
        try {
            T value = GSON.fromJson(e, type);
            if (value == null) {
                throw new ProtocolException(ErrorCodes.BAD_JSON, "empty " + type.getSimpleName());
            }
            return value;
        } catch (RuntimeException ex) {
            throw translate(type.getSimpleName(), ex, null, null);
        }
    }

    /** Writes a record of plain fields as one line of JSON, field names in snake_case and nulls left out. */
    public static String write(Object record) {
        return GSON.toJson(record);
    }

    /** Parses validated JSON text into a plain tree: Map, List, String, Boolean, BigDecimal or null. */
    public static Object tree(RawJson json) {
        return toTree(parseStrict(json.text()));
    }

    /** Checks that {@code text} is one strict JSON value and wraps it. */
    public static RawJson raw(String text) {
        parseStrict(text);
        return new RawJson(text);
    }

    /**
     * Indented JSON for people. Arrays of plain values that fit in {@value #INLINE_WIDTH} characters, such as
     * a path's cells, stay on one line, as in {@code "path": [[0,0],[1,1]]}.
     */
    public static String pretty(Object tree) {
        StringBuilder out = new StringBuilder();
        writePretty(out, tree, "");
        return out.toString();
    }

    private static final int INLINE_WIDTH = 100;

    private static void writePretty(StringBuilder out, Object value, String indent) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>) || fitsInline(value)) {
            out.append(GSON.toJson(value));
            return;
        }
        String inner = indent + "  ";
        boolean map = value instanceof Map<?, ?>;
        out.append(map ? "{\n" : "[\n");
        Iterator<?> it = map ? ((Map<?, ?>) value).entrySet().iterator() : ((List<?>) value).iterator();
        while (it.hasNext()) {
            Object item = it.next();
            out.append(inner);
            if (item instanceof Map.Entry<?, ?> entry) {
                out.append(GSON.toJson(String.valueOf(entry.getKey()))).append(": ");
                item = entry.getValue();
            }
            writePretty(out, item, inner);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append(map ? "}" : "]");
    }

    private static boolean fitsInline(Object value) {
        if (!(value instanceof List<?> list) || containsMap(list)) {
            return false;
        }
        return GSON.toJson(value).length() <= INLINE_WIDTH;
    }

    private static boolean containsMap(List<?> list) {
        for (Object o : list) {
            if (o instanceof Map<?, ?> || o instanceof List<?> inner && containsMap(inner)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The canonical form of a JSON value: object keys sorted, no whitespace, numbers without trailing
     * zeros ({@code 1.0} and {@code 1} are the same). Equal work gives equal text, so it keys the cache.
     */
    public static String canonical(RawJson json) {
        return canonicalText(parseStrict(json.text()), json.text().length());
    }

    /** SHA-256 (lowercase hex) of {@code json}'s canonical form: equal results, equal digests, on any machine. */
    public static String canonicalSha256(RawJson json) {
        return sha256Hex(canonical(json));
    }

    /** A result's canonical digest and its top-level {@code work_units} (null if absent or not a whole number). */
    public record ResultDigest(String sha256, Long workUnits) {
    }

    /** {@link #canonicalSha256} and the result's {@code work_units}, from one parse of the text. */
    public static ResultDigest digestResult(RawJson result) {
        JsonElement e = parseStrict(result.text());
        return new ResultDigest(sha256Hex(canonicalText(e, result.text().length())), workUnits(e));
    }

    private static Long workUnits(JsonElement e) {
        if (!e.isJsonObject()) {
            return null;
        }
        JsonElement w = e.getAsJsonObject().get("work_units");
        if (w == null || !w.isJsonPrimitive() || !w.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        try {
            long units = new BigDecimal(w.getAsString()).longValueExact();
            return units >= 0 ? units : null;
        } catch (ArithmeticException | NumberFormatException ex) {
            return null;
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    private static String canonicalText(JsonElement e, int sizeHint) {
        StringWriter out = new StringWriter(sizeHint);
        try (JsonWriter w = new JsonWriter(out)) {
            w.setHtmlSafe(false);
            writeJson(w, e, true);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    static JsonElement parseStrict(String text) {
        return StrictJson.parse(text);
    }

    /** Builds the message of a known {@code type} from its object; throws ProtocolException naming a bad field. */
    private interface Builder<T> {
        T build(String type, JsonObject object);
    }

    private static <T extends Message> T decode(String text, Map<String, Class<? extends T>> types, Builder<T> builder) {
        JsonElement e = parseStrict(text);
        if (!e.isJsonObject()) {
            throw new ProtocolException(ErrorCodes.BAD_JSON, "a message must be a JSON object, not " + kind(e));
        }
        JsonObject obj = e.getAsJsonObject();
        JsonElement typeElement = obj.get("type");
        if (typeElement == null || typeElement.isJsonNull()) {
            throw ProtocolException.missing("type");
        }
        if (!typeElement.isJsonPrimitive() || !typeElement.getAsJsonPrimitive().isString()) {
            throw ProtocolException.invalid("type", typeElement, "must be a string");
        }
        String type = typeElement.getAsString();
        if (!types.containsKey(type)) {
            throw new ProtocolException(ErrorCodes.UNKNOWN_TYPE,
                    "unknown message type '" + abbreviate(type) + "'; expected one of " + new TreeMap<>(types).keySet());
        }
        try {
            T message = builder.build(type, obj);
            if (message == null) {
                throw new ProtocolException(ErrorCodes.BAD_JSON, "empty " + type + " message");
            }
            return message;
        } catch (RuntimeException ex) {
            throw translate(type, ex, idField(obj, "request_id", Ids.MAX_REQUEST_ID), idField(obj, "task_id", 64));
        }
    }

    private static ProtocolException translate(String type, RuntimeException ex, String requestId, String taskId) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ProtocolException pe) {
                return new ProtocolException(pe.code(), type + ": " + pe.getMessage(), requestId, taskId);
            }
        }
        // Only server messages are read reflectively; the reader's path names the field, its message is not ours.
        Matcher m = GSON_PATH.matcher(String.valueOf(ex.getMessage()));
        String field = m.find() ? m.group(1) : "a field";
        return new ProtocolException(ErrorCodes.INVALID_FIELD, type + ": " + field + " has the wrong JSON type or is out of range",
                requestId, taskId);
    }

    private static final Pattern GSON_PATH = Pattern.compile("path \\$\\.([A-Za-z0-9_.\\[\\]]+)");

    /** A refused message's id field, echoed in the error if it is a plausible string; else null. */
    private static String idField(JsonObject obj, String name, int maxLength) {
        JsonElement e = obj.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            return null;
        }
        String s = e.getAsString();
        return s.isEmpty() || s.length() > maxLength ? null : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static String kind(JsonElement e) {
        return e.isJsonArray() ? "an array" : e.isJsonNull() ? "null" : "a " + (e.getAsJsonPrimitive().isString() ? "string" : "scalar");
    }

    private static Object toTree(JsonElement e) {
        if (e.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                map.put(entry.getKey(), toTree(entry.getValue()));
            }
            return map;
        }
        if (e.isJsonArray()) {
            JsonArray array = e.getAsJsonArray();
            List<Object> list = new ArrayList<>(array.size());
            for (JsonElement item : array) {
                list.add(toTree(item));
            }
            return list;
        }
        if (e.isJsonNull()) {
            return null;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            return number(p.getAsString());
        }
        return p.getAsString();
    }

    private static BigDecimal number(String text) {
        if (text.length() > MAX_NUMBER_CHARS) {
            // Converting a number thousands of digits long costs quadratic time; no game data needs one.
            throw new ProtocolException(ErrorCodes.BAD_JSON, "number " + abbreviate(text) + " has more than "
                    + MAX_NUMBER_CHARS + " characters");
        }
        BigDecimal d = new BigDecimal(text);
        // Exponents this large are never meaningful game data and would make canonical text huge.
        if (d.signum() != 0 && Math.abs((long) d.precision() - d.scale()) > 400) {
            throw new ProtocolException(ErrorCodes.BAD_JSON, "number " + abbreviate(text) + " is out of range");
        }
        return d;
    }

    /**
     * Writes {@code e} without whitespace. Canonical form sorts object keys and normalizes numbers; otherwise
     * keys keep their order and numbers go out as parsed (the strict reader already checked them, and Gson's
     * own number writer would check each again with a regular expression, the hot spot when relaying results).
     */
    private static void writeJson(JsonWriter w, JsonElement e, boolean canonical) throws IOException {
        if (e.isJsonObject()) {
            w.beginObject();
            Map<String, JsonElement> members = e.getAsJsonObject().asMap();
            for (Map.Entry<String, JsonElement> entry : (canonical ? new TreeMap<>(members) : members).entrySet()) {
                w.name(entry.getKey());
                writeJson(w, entry.getValue(), canonical);
            }
            w.endObject();
        } else if (e.isJsonArray()) {
            w.beginArray();
            for (JsonElement item : e.getAsJsonArray()) {
                writeJson(w, item, canonical);
            }
            w.endArray();
        } else if (e.isJsonNull()) {
            w.nullValue();
        } else if (e.getAsJsonPrimitive().isNumber()) {
            w.jsonValue(canonical ? canonicalNumber(e.getAsString()) : e.getAsString());
        } else if (e.getAsJsonPrimitive().isBoolean()) {
            w.value(e.getAsBoolean());
        } else {
            w.value(e.getAsString());
        }
    }

    private static String canonicalNumber(String text) {
        BigDecimal d = number(text);
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toString();
    }

    /** A parsed value as RawJson text, numbers as they were written. */
    static RawJson rawOf(JsonElement e) {
        StringWriter text = new StringWriter();
        try {
            JsonWriter w = new JsonWriter(text);
            w.setHtmlSafe(false);
            writeJson(w, e, false);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new RawJson(text.toString());
    }

    /** Reads only JSON strings as strings: Gson's own adapter would turn {@code 42} or {@code true} into text. */
    private static final class StrictStringAdapter extends TypeAdapter<String> {
        @Override
        public void write(JsonWriter out, String value) throws IOException {
            out.value(value);
        }

        @Override
        public String read(JsonReader in) throws IOException {
            JsonToken t = in.peek();
            if (t == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            if (t != JsonToken.STRING) {
                throw StrictNumberAdapters.wrongType(in, "a string", t);
            }
            return in.nextString();
        }
    }

    /** Writes a RawJson as the JSON it holds; reads any JSON value back into a RawJson. */
    private static final class RawJsonAdapter extends TypeAdapter<RawJson> {
        @Override
        public void write(JsonWriter out, RawJson value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.jsonValue(value.text());
            }
        }

        @Override
        public RawJson read(JsonReader in) throws IOException {
            JsonElement e = ELEMENTS.read(in);
            return e.isJsonNull() ? null : rawOf(e);
        }
    }
}
