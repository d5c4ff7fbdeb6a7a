package io.p2c2r.coordinator.core;

import io.p2c2r.coordinator.trust.TrustBook;
import java.util.Collection;

/**
 * Chooses the peer for a run. Eligible: it runs the type at the task's algorithm version and has a free slot;
 * if untrusted for the type, it holds fewer than the untrusted limit and has not used up today's cap; for a
 * check, it is independent of the task's other runs (another id and, unless one host may vouch for itself,
 * another host); an untrusted peer takes a first run only while its result can still be checked. Among the
 * eligible: trusted before untrusted, then the soonest expected finish from the service times the coordinator
 * measured (not the slots a peer declares), then one that has not failed this run, then the least recently used.
 * Pure; event loop only.
 */
final class PeerPicker {
    /** What the picker needs to know beyond the peers. */
    record Rules(TrustBook trust, long nowMillis, boolean canCheckMore) {
    }

    private PeerPicker() {}

    static PeerState pick(Run run, Collection<PeerState> peers, Rules rules) {
        PeerState best = null;
        boolean bestTrusted = false;
        for (PeerState p : peers) {
            if (p.freeSlots() <= 0 || !p.offers(run.task)) {
                continue;
            }
            boolean trusted = rules.trust().trusted(p.account.id, run.task.type.wireName());
            if (!trusted && !mayTakeUntrusted(run, p, rules)) {
                continue;
            }
            if (!independent(run, p, rules.trust().policy().sameHostQuorum())) {
                continue;
            }
            if (best == null || better(run, p, trusted, best, bestTrusted)) {
                best = p;
                bestTrusted = trusted;
            }
        }
        return best;
    }

    private static boolean mayTakeUntrusted(Run run, PeerState p, Rules rules) {
        if (p.held.size() >= rules.trust().policy().untrustedMaxRunning()) {
            return false;
        }
        if (!rules.trust().mayStart(p.account.id, run.task.type.wireName(), rules.nowMillis())) {
            return false;
        }
        return run.kind != Run.Kind.PRIMARY || run.task.waitMode || rules.canCheckMore();
    }

    /** Whether {@code p} may run {@code run} without sharing an id or host with the task's other runs. */
    static boolean independent(Run run, PeerState p, boolean sameHost) {
        if (run.task.known != null) {
            return !run.task.known.peerIds().contains(p.account.id) && (sameHost || !run.task.known.hosts().contains(p.host));
        }
        for (Run other : run.task.runs) {
            if (other == run) {
                continue;
            }
            String otherId = other.peer != null ? other.peer.account.id : other.peerId;
            String otherHost = other.peer != null ? other.peer.host : other.host;
            if (otherId == null) {
                continue;
            }
            if (otherId.equals(p.account.id) || (!sameHost && otherHost.equals(p.host))) {
                return false;
            }
        }
        return true;
    }

    private static boolean better(Run run, PeerState a, boolean aTrusted, PeerState b, boolean bTrusted) {
        if (aTrusted != bTrusted) {
            return aTrusted;
        }
        double aFinish = expectedFinish(run, a);
        double bFinish = expectedFinish(run, b);
        if (aFinish != bFinish) {
            return aFinish < bFinish;
        }
        boolean aFresh = !run.triedPeers.contains(a.account.id);
        boolean bFresh = !run.triedPeers.contains(b.account.id);
        if (aFresh != bFresh) {
            return aFresh;
        }
        return a.lastAssignedSeq < b.lastAssignedSeq;
    }

    /** Measured service time times the queue ahead, spread over the peer's slots; unmeasured peers count as 1 ms. */
    private static double expectedFinish(Run run, PeerState p) {
        return p.serviceMs(run.task.type, 1.0) * (p.held.size() + 1) / p.capabilities.slots();
    }
}
