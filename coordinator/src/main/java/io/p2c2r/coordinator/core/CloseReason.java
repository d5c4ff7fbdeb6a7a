package io.p2c2r.coordinator.core;

/** Why the coordinator closes a connection; the network layer maps each to its wire code. */
public enum CloseReason {
    /** The coordinator or the client is stopping. */
    GOING_AWAY,
    /** The client broke a rule: a wrong token, too many bad messages, replaced by a newer connection. */
    POLICY,
    /** The client stopped reading and too much is queued for it. */
    TOO_SLOW,
    /** The coordinator is at a limit; the client may try again later. */
    TRY_AGAIN_LATER
}
