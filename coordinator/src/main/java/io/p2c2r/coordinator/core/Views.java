package io.p2c2r.coordinator.core;

import io.p2c2r.coordinator.trust.TrustBook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Builds a {@link HubView} from the loop's state; kept out of {@link Hub} so the hub stays about decisions. Event loop only. */
final class Views {
    private Views() {
    }

    static HubView of(long nowMillis, Stats stats, Collection<PeerState> peers, Accounts accounts, TrustBook trust) {
        List<HubView.PeerView> out = new ArrayList<>(peers.size());
        for (PeerState p : peers) {
            List<String> trusted = new ArrayList<>();
            for (String type : p.capabilities.tasks().keySet()) {
                if (trust.trusted(p.account.id, type)) {
                    trusted.add(type);
                }
            }
            out.add(new HubView.PeerView(p.account.id, p.host, p.capabilities.slots(), p.usableSlots, p.held.size(),
                    p.account.pendingNanos, p.account.totalNanos, p.account.tasksCompleted, List.copyOf(trusted)));
        }
        long spent = 0;
        for (AccountState g : accounts.gamerAccounts()) {
            spent += g.totalNanos;
        }
        long granted = 0;
        long pending = 0;
        for (AccountState a : accounts.peerAccounts()) {
            granted += a.totalNanos;
            pending += a.pendingNanos;
        }
        return new HubView(nowMillis, stats, List.copyOf(out), spent, granted, pending);
    }
}
