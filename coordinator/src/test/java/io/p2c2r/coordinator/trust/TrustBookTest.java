package io.p2c2r.coordinator.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrustBookTest {
    private final List<TrustRecord> written = new ArrayList<>();
    private final Random random = new Random(42);
    private final TrustBook book = new TrustBook(TrustPolicy.defaults(), List.of(), written::add, random::nextDouble);

    @Test
    void newPeer_isUntrusted_andAlwaysChecked() {
        assertFalse(book.trusted("p", "ai_pathfinding"));
        for (int i = 0; i < 100; i++) {
            assertTrue(book.sampleCheck("p", "ai_pathfinding"));
        }
    }

    @Test
    void tenAgreements_makeItTrusted_forThatTypeOnly() {
        for (int i = 0; i < 9; i++) {
            book.agreed("p", "ai_pathfinding");
        }
        assertFalse(book.trusted("p", "ai_pathfinding"));
        book.agreed("p", "ai_pathfinding");
        assertTrue(book.trusted("p", "ai_pathfinding"));
        assertFalse(book.trusted("p", "rt_shadows"));
        assertEquals("trusted (10 agreed)", book.level("p", "ai_pathfinding").describe());
    }

    @Test
    void oneDisagreement_sendsItBackToUntrusted() {
        for (int i = 0; i < 50; i++) {
            book.agreed("p", "ai_pathfinding");
        }
        book.disagreed("p", "ai_pathfinding", 1_000);
        assertFalse(book.trusted("p", "ai_pathfinding"));
        assertEquals(0, book.record("p", "ai_pathfinding").consecutive());
        assertEquals(1, book.record("p", "ai_pathfinding").disagreed());
        assertEquals(50, book.record("p", "ai_pathfinding").agreed());
    }

    @Test
    void auditProbability_fallsWithTheRecord_toTheFloor() {
        TrustPolicy p = TrustPolicy.defaults();
        assertEquals(1.0, p.checkProbability(9));
        assertEquals(1.0, p.checkProbability(10));
        assertEquals(0.5, p.checkProbability(20), 1e-12);
        assertEquals(0.05, p.checkProbability(200), 1e-12);
        assertEquals(0.05, p.checkProbability(1_000_000), 1e-12);
        for (int i = 0; i < 1000; i++) {
            book.agreed("veteran", "rt_shadows");
        }
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            checked += book.sampleCheck("veteran", "rt_shadows") ? 1 : 0;
        }
        assertEquals(0.05, checked / 20_000.0, 0.01, "sampled near the 5% floor");
    }

    @Test
    void untrustedPeers_haveADailyCap_thatResetsTheNextDay() {
        TrustBook capped = new TrustBook(new TrustPolicy(10, 0.05, 3, 2, false, 4), List.of(), r -> { }, random::nextDouble);
        long day = 86_400_000L * 20_000;
        for (int i = 0; i < 3; i++) {
            assertTrue(capped.mayStart("p", "ai_pathfinding", day + i));
            capped.started("p", "ai_pathfinding", day + i);
        }
        assertFalse(capped.mayStart("p", "ai_pathfinding", day + 10));
        assertTrue(capped.mayStart("p", "ai_pathfinding", day + 86_400_000L));
    }

    @Test
    void changes_areHandedToTheStore_asCopies() {
        book.agreed("p", "ai_pathfinding");
        book.agreed("p", "ai_pathfinding");
        assertEquals(2, written.size());
        assertEquals(1, written.get(0).consecutive());
        assertEquals(2, written.get(1).consecutive());
    }

    @Test
    void loadedRecords_areTrustedAgain_afterARestart() {
        TrustBook reloaded = new TrustBook(TrustPolicy.defaults(),
                List.of(new TrustRecord("p", "ai_pathfinding", 12, 12, 0, 0, 0, 0)), r -> { }, random::nextDouble);
        assertTrue(reloaded.trusted("p", "ai_pathfinding"));
    }
}
