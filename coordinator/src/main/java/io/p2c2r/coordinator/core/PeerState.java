package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.Capabilities;
import java.util.LinkedHashMap;
import java.util.Map;

/** A connected peer: what it offers and the tasks it holds now. Event loop only. */
final class PeerState {
    final Session session;
    final AccountState account;
    final Capabilities capabilities;
    final Map<String, Task> held = new LinkedHashMap<>();
    long lastAssignedSeq;
    long tasksDone;
    /** Tasks it takes at once now: its declared slots, lowered by a {@code capacity} message (0 = paused). */
    int usableSlots;

    PeerState(Session session, AccountState account, Capabilities capabilities) {
        this.session = session;
        this.account = account;
        this.capabilities = capabilities;
        this.usableSlots = capabilities.slots();
    }

    int freeSlots() {
        return usableSlots - held.size();
    }

    boolean offers(Task task) {
        return task.version.equals(capabilities.tasks().get(task.type.wireName()));
    }
}
