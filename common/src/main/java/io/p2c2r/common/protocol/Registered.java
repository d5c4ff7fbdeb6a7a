package io.p2c2r.common.protocol;

import java.util.Map;

/**
 * Coordinator to client: registration accepted. {@code token} is the secret to present next time;
 * amounts are decimal dollar strings, exact to the nano-dollar. {@code totalUsd} is what a peer has earned
 * (pending plus granted) or a gamer has spent; for a peer, {@code pendingUsd} and {@code grantedUsd} split it
 * and {@code trust} gives its standing per task type (types it has no record for are untrusted).
 */
public record Registered(String role, String id, String token, String peerRateUsdPerHour,
                         String gamerRateUsdPerHour, String feePercent, String serverVersion,
                         String totalUsd, String pendingUsd, String grantedUsd, Map<String, TrustLevel> trust)
        implements ServerMessage {
    public static final String TYPE = "registered";
    public static final String PEER = "peer";
    public static final String GAMER = "gamer";

    public Registered {
        if (!PEER.equals(role) && !GAMER.equals(role)) {
            throw ProtocolException.invalid("role", role, "must be 'peer' or 'gamer'");
        }
        Ids.id("id", id);
        Ids.text("token", token, Ids.MAX_TOKEN);
        trust = trust == null ? Map.of() : Map.copyOf(trust);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
