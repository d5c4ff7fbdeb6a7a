package io.p2c2r.coordinator.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuorumTest {
    @Test
    void twoPeersOnTwoHosts_withTheSameDigest_agree() {
        List<Vote> votes = List.of(new Vote("r1", "a", "10.0.0.1", "x"), new Vote("r2", "b", "10.0.0.2", "x"));
        assertEquals(Optional.of("x"), Quorum.canonical(votes, false));
    }

    @Test
    void twoIdsBehindOneHost_doNotMakeAQuorum_unlessAllowed() {
        List<Vote> votes = List.of(new Vote("r1", "a", "10.0.0.1", "x"), new Vote("r2", "b", "10.0.0.1", "x"));
        assertTrue(Quorum.canonical(votes, false).isEmpty());
        assertEquals(Optional.of("x"), Quorum.canonical(votes, true));
    }

    @Test
    void onePeerTwice_neverAgreesWithItself() {
        List<Vote> votes = List.of(new Vote("r1", "a", "h1", "x"), new Vote("r2", "a", "h2", "x"));
        assertTrue(Quorum.canonical(votes, true).isEmpty());
    }

    @Test
    void aTieBreak_findsTheMajority_andNamesTheOutvoted() {
        List<Vote> votes = List.of(new Vote("r1", "liar", "h1", "bad"), new Vote("r2", "b", "h2", "good"),
                new Vote("r3", "c", "h3", "good"));
        assertEquals(Optional.of("good"), Quorum.canonical(votes, false));
        assertEquals(List.of(votes.get(0)), Quorum.outvoted(votes, "good"));
    }
}
