package io.p2c2r.coordinator.core;

/**
 * One client connection's transport as the core sees it: an address, text frames out, and a close with a
 * reason of the core's own. The network layer implements it and maps {@link CloseReason} to its codes.
 * Implementations are thread-safe.
 */
public interface Channel {
    /** The client's address as {@code host:port}, as the server sees it (a tunnel's, behind ngrok). */
    String remote();

    /** The client's host alone: peers behind one host do not count as independent for result checks. */
    String remoteHost();

    /** Queues one text frame; false if the channel is closed or was closed because the client stopped reading. */
    boolean send(String text);

    void close(CloseReason reason, String detail);

    /**
     * The core accepted this connection's registration as {@code role} ({@code peer} or {@code gamer}); called
     * before the {@code registered} reply is sent, so that the transport can apply the role's limits (a peer's
     * results may be far larger than anything a gamer or an unregistered client may send).
     */
    void registered(String role);
}
