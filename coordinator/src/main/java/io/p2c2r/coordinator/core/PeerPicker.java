package io.p2c2r.coordinator.core;

import java.util.Collection;

/**
 * Chooses the peer for a task: one that runs the task's type at the same algorithm version and has a free
 * slot; among those, the most free slots, then one that has not failed this task yet, then the one
 * assigned least recently, so that equal peers take turns. Pure; event loop only.
 */
final class PeerPicker {
    private PeerPicker() {}

    static PeerState pick(Task task, Collection<PeerState> peers) {
        PeerState best = null;
        for (PeerState p : peers) {
            if (p.freeSlots() <= 0 || !p.offers(task)) {
                continue;
            }
            if (best == null || better(task, p, best)) {
                best = p;
            }
        }
        return best;
    }

    private static boolean better(Task task, PeerState a, PeerState b) {
        if (a.freeSlots() != b.freeSlots()) {
            return a.freeSlots() > b.freeSlots();
        }
        boolean aFresh = !task.triedPeers.contains(a.account.id);
        boolean bFresh = !task.triedPeers.contains(b.account.id);
        if (aFresh != bFresh) {
            return aFresh;
        }
        return a.lastAssignedSeq < b.lastAssignedSeq;
    }
}
