package io.p2c2r.coordinator.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a checked task's canonical result from its votes: the first digest that two independent peers
 * returned, where independent means different peer ids and, unless the policy allows one host to vouch for
 * itself (LAN tests), different hosts. Pure.
 */
public final class Quorum {
    private Quorum() {}

    /** The agreed digest, if two independent votes share one. */
    public static Optional<String> canonical(List<Vote> votes, boolean sameHostQuorum) {
        for (int i = 0; i < votes.size(); i++) {
            for (int j = i + 1; j < votes.size(); j++) {
                Vote a = votes.get(i);
                Vote b = votes.get(j);
                if (a.sha256().equals(b.sha256()) && independent(a, b, sameHostQuorum)) {
                    return Optional.of(a.sha256());
                }
            }
        }
        return Optional.empty();
    }

    public static boolean independent(Vote a, Vote b, boolean sameHostQuorum) {
        return !a.peerId().equals(b.peerId()) && (sameHostQuorum || !a.host().equals(b.host()));
    }

    /** The votes that differ from {@code canonical}: their peers were wrong. */
    public static List<Vote> outvoted(List<Vote> votes, String canonical) {
        List<Vote> out = new ArrayList<>();
        for (Vote v : votes) {
            if (!v.sha256().equals(canonical)) {
                out.add(v);
            }
        }
        return out;
    }
}
