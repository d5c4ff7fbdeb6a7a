package io.p2c2r.gamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataTemplateTest {
    @Test
    void placeholders_areReplacedPerTask() {
        DataTemplate t = new DataTemplate("{\"start\":[{i%128},{i/128}],\"n\":{i}}");
        assertEquals("{\"start\":[3,2],\"n\":259}", t.render(259));
        assertEquals("{\"x\":1}", new DataTemplate("{\"x\":1}").render(5));
    }

    @Test
    void divisionByZero_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DataTemplate("{i%0}").render(1));
    }

    @Test
    void defaultBenchData_isDistinctWorkForThousandsOfTasks() {
        DataTemplate t = new DataTemplate(LoadBenchCommand.DEFAULT_DATA);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 16_000; i++) {
            seen.add(t.render(i));
        }
        assertEquals(16_000, seen.size());
    }
}
