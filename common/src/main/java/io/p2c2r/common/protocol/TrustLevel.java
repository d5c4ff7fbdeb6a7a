package io.p2c2r.common.protocol;

/**
 * A peer's standing for one task type, as the coordinator tells it: {@code trusted} once {@code agreed}
 * consecutive results agreed with other peers reach {@code needed}; a single disagreement starts it over.
 */
public record TrustLevel(String state, long agreed, long needed) {
    public static final String TRUSTED = "trusted";
    public static final String UNTRUSTED = "untrusted";

    public TrustLevel {
        if (!TRUSTED.equals(state) && !UNTRUSTED.equals(state)) {
            throw ProtocolException.invalid("trust.state", state, "must be 'trusted' or 'untrusted'");
        }
    }

    public boolean trusted() {
        return TRUSTED.equals(state);
    }

    /** For consoles: {@code trusted (42 agreed)} or {@code untrusted (3/10 agreed)}. */
    public String describe() {
        return trusted() ? "trusted (" + agreed + " agreed)" : "untrusted (" + agreed + "/" + needed + " agreed)";
    }
}
