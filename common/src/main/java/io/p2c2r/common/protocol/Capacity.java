package io.p2c2r.common.protocol;

/**
 * Peer to coordinator: from now on send at most {@code slots} tasks at once (0 = paused, take none), never more
 * than the slots declared at registration. {@code reason} (optional) says why, for the operator's console.
 */
public record Capacity(Integer slots, String reason) implements ClientMessage {
    public static final String TYPE = "capacity";
    public static final int MAX_REASON = 200;

    public Capacity {
        if (slots == null) {
            throw ProtocolException.missing("slots");
        }
        if (slots < 0 || slots > Capabilities.MAX_SLOTS) {
            throw ProtocolException.invalid("slots", slots, "must be in [0, " + Capabilities.MAX_SLOTS + "]");
        }
        Ids.optText("reason", reason, MAX_REASON);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
