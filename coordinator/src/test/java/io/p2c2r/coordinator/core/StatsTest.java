package io.p2c2r.coordinator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
    private static Stats stats(long uptimeMs, int peers, int paused, long routed, long runFee, long lifetimeFee) {
        return new Stats(uptimeMs, peers, 1, routed, routed, 0, lifetimeFee, 40 + routed, 0, 0, paused, runFee, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void render_labelsThisRunApartFromLifetime_andCountsInTheSingular() {
        String text = stats(60_000, 1, 0, 1, 500, 90_500).render();
        assertTrue(text.contains("1 peer |"), text);
        assertTrue(text.contains("1 gamer |"), text);
        assertTrue(text.contains("This run: 1 routed, 1 completed, 0 cache hits"), text);
        assertTrue(text.contains("Coordinator fee: $0.000000500 this run, $0.000090500 lifetime"), text);
        assertTrue(text.contains("41 tasks stored (lifetime)"), text);
        assertFalse(text.contains("1 peers"), text);
        assertTrue(stats(0, 2, 1, 0, 0, 0).render().contains("2 peers (1 paused)"));
    }

    @Test
    void reporter_printsOnlyWhenSomethingButTheClockChanged() {
        Stats idle = new Stats(10_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        List<Stats> sequence = new ArrayList<>(List.of(idle, stats(20_000, 1, 0, 0, 0, 0), stats(30_000, 1, 0, 0, 0, 0),
                stats(40_000, 1, 0, 3, 0, 0)));
        List<String> printed = new ArrayList<>();
        StatsReporter r = new StatsReporter(() -> sequence.remove(0), printed::add);
        for (int i = 0; i < 4; i++) {
            r.run();
        }
        assertEquals(2, printed.size(), "a peer joining and tasks routed, not the idle ticks: " + printed);
    }
}
