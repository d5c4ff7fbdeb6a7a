package io.p2c2r.common.protocol;

/** Peer to coordinator: still alive; {@code running} is how many tasks it is executing now. */
public record Heartbeat(Integer running) implements ClientMessage {
    public static final String TYPE = "heartbeat";

    @Override
    public String type() {
        return TYPE;
    }
}
