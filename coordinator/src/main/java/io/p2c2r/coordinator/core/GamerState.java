package io.p2c2r.coordinator.core;

import java.util.HashMap;
import java.util.Map;

/** A connected gamer and its open tasks by request id. Event loop only. */
final class GamerState {
    final Session session;
    final AccountState account;
    final Map<String, Task> open = new HashMap<>();
    boolean connected = true;

    GamerState(Session session, AccountState account) {
        this.session = session;
        this.account = account;
    }

    /** A gamer with no connection here, owner of a task resumed after a restart. */
    static GamerState offline(AccountState account) {
        GamerState g = new GamerState(null, account);
        g.connected = false;
        return g;
    }
}
