package io.p2c2r.common.protocol;

/** Peer to coordinator: join as {@code peerId}; {@code token} is required once the id exists. */
public record RegisterPeer(String peerId, String token, Capabilities capabilities) implements ClientMessage {
    public static final String TYPE = "register_peer";

    public RegisterPeer {
        Ids.id("peer_id", peerId);
        Ids.optText("token", token, Ids.MAX_TOKEN);
        if (capabilities == null) {
            throw ProtocolException.missing("capabilities");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
