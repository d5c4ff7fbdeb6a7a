package io.p2c2r.common.protocol;

/**
 * A JSON value carried through as text (task data, a result), so that the coordinator stores and
 * forwards it without rebuilding it. Only {@link Codec} creates one from untrusted text, after parsing it.
 */
public record RawJson(String text) {
    public RawJson {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("RawJson text is empty");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
