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
}
