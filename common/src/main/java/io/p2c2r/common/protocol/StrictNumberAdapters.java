package io.p2c2r.common.protocol;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Gson adapters for {@code int}, {@code long} and {@code double} fields of reflectively read (server) messages:
 * only a JSON number is read, exactly (an integer field refuses {@code 1.5} and {@code 1e308} rather than
 * rounding or wrapping them), and a refusal names the field. Stateless and thread-safe.
 */
final class StrictNumberAdapters {
    static final TypeAdapterFactory FACTORY = new TypeAdapterFactory() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<?> raw = type.getRawType();
            if (raw == long.class || raw == Long.class) {
                return (TypeAdapter<T>) adapter("an integer", d -> d.longValueExact());
            }
            if (raw == int.class || raw == Integer.class) {
                return (TypeAdapter<T>) adapter("an integer", d -> d.intValueExact());
            }
            if (raw == double.class || raw == Double.class) {
                return (TypeAdapter<T>) adapter("a number", BigDecimal::doubleValue);
            }
            return null;
        }
    };

    private StrictNumberAdapters() {}

    private interface Conversion<N extends Number> {
        N convert(BigDecimal d);
    }

    private static <N extends Number> TypeAdapter<N> adapter(String expected, Conversion<N> conversion) {
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, N value) throws IOException {
                out.value(value);
            }

            @Override
            public N read(JsonReader in) throws IOException {
                JsonToken t = in.peek();
                if (t == JsonToken.NULL) {
                    in.nextNull();
                    return null;
                }
                if (t != JsonToken.NUMBER) {
                    throw wrongType(in, expected, t);
                }
                String path = field(in);
                String text = in.nextString();
                try {
                    if (text.length() <= 64) {
                        return conversion.convert(new BigDecimal(text));
                    }
                } catch (ArithmeticException | NumberFormatException e) {
                    // out of the field's range: refused below
                }
                throw ProtocolException.invalid(path, text, "must be " + expected + " in the field's range");
            }
        };
    }

    static ProtocolException wrongType(JsonReader in, String expected, JsonToken got) {
        String kind = switch (got) {
            case BEGIN_OBJECT -> "an object";
            case BEGIN_ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            default -> got.name().toLowerCase(Locale.ROOT);
        };
        return new ProtocolException(ErrorCodes.INVALID_FIELD, field(in) + " must be " + expected + ", not " + kind);
    }

    /** The field the reader is at, as the protocol names it ({@code capabilities.slots}, not {@code $.capabilities.slots}). */
    private static String field(JsonReader in) {
        String path = in.getPath();
        return path.startsWith("$.") ? path.substring(2) : path;
    }
}
