package io.p2c2r.client;

/**
 * A change in a {@link P2c2rClient}'s connection, told to its {@link P2c2rClient#onConnectionChange listener}.
 * Immutable.
 *
 * @param state     what the client is doing now
 * @param reason    why: what ended the connection or failed the last attempt; empty when {@link State#CONNECTED}
 * @param attempt   how many reconnection attempts failed since the connection was lost (0 at the loss itself, and in {@link State#CONNECTED} and {@link State#CLOSED})
 * @param retryInMs when {@link State#RECONNECTING}, the wait before the next attempt; otherwise 0
 */
public record ConnectionChange(State state, String reason, int attempt, long retryInMs) {
    /** A client's connection state. */
    public enum State {
        /** The connection is lost; the client is trying again. Unanswered requests wait; none has failed. */
        RECONNECTING,
        /** Registered again after a loss; unanswered requests were sent again with their own request ids. */
        CONNECTED,
        /** For good: closed by the caller, or the coordinator refused the registration (e.g. a wrong token). */
        CLOSED
    }
}
