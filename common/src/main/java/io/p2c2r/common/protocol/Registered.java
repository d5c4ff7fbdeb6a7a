package io.p2c2r.common.protocol;

/**
 * Coordinator to client: registration accepted. {@code token} is the secret to present next time;
 * amounts are decimal dollar strings, exact to the nano-dollar.
 */
public record Registered(String role, String id, String token, String peerRateUsdPerHour,
                         String gamerRateUsdPerHour, String feePercent, String serverVersion,
                         String totalUsd) implements ServerMessage {
    public static final String TYPE = "registered";
    public static final String PEER = "peer";
    public static final String GAMER = "gamer";

    public Registered {
        if (!PEER.equals(role) && !GAMER.equals(role)) {
            throw ProtocolException.invalid("role", role, "must be 'peer' or 'gamer'");
        }
        Ids.id("id", id);
        Ids.text("token", token, Ids.MAX_TOKEN);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
