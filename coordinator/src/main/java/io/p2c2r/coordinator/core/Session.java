package io.p2c2r.coordinator.core;

/** One connection's state: unregistered, a peer, or a gamer. Created on a socket thread, then event loop only. */
public final class Session {
    final Channel channel;
    PeerState peer;
    GamerState gamer;
    int protocolErrors;
    long lastHeardNanos;
    boolean closed;

    public Session(Channel channel, long openedNanos) {
        this.channel = channel;
        this.lastHeardNanos = openedNanos;
    }

    /** The client's address as the server sees it. */
    public String remote() {
        return channel.remote();
    }

    boolean registered() {
        return peer != null || gamer != null;
    }

    String describe() {
        return peer != null ? "peer " + peer.account.id : gamer != null ? "gamer " + gamer.account.id : "client " + channel.remote();
    }
}
