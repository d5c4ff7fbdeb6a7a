package io.p2c2r.coordinator.core;

import io.p2c2r.coordinator.net.Link;

/** One connection's state: unregistered, a peer, or a gamer. Created on a socket thread, then event loop only. */
public final class Session {
    final Link link;
    PeerState peer;
    GamerState gamer;
    int protocolErrors;
    long lastHeardNanos;
    boolean closed;

    public Session(Link link) {
        this.link = link;
        this.lastHeardNanos = System.nanoTime();
    }

    /** The client's address as the server sees it. */
    public String remote() {
        return link.remote();
    }

    boolean registered() {
        return peer != null || gamer != null;
    }

    String describe() {
        return peer != null ? "peer " + peer.account.id : gamer != null ? "gamer " + gamer.account.id : "client " + link.remote();
    }
}
