package io.p2c2r.peer.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void rangeCrossingMidnight_coversLateEveningAndEarlyMorning_endExclusive() {
        Schedule night = Schedule.parse("22:00-08:00");
        assertTrue(night.allows(LocalTime.of(22, 0)));
        assertTrue(night.allows(LocalTime.of(23, 59)));
        assertTrue(night.allows(LocalTime.MIDNIGHT));
        assertTrue(night.allows(LocalTime.of(7, 59)));
        assertFalse(night.allows(LocalTime.of(8, 0)));
        assertFalse(night.allows(LocalTime.NOON));
        assertFalse(night.allows(LocalTime.of(21, 59)));
    }

    @Test
    void severalRanges_andAllDay() {
        Schedule s = Schedule.parse("9:00-12:00, 14:30-17:00");
        assertEquals("09:00-12:00,14:30-17:00", s.toString());
        assertTrue(s.allows(LocalTime.of(9, 0)));
        assertFalse(s.allows(LocalTime.of(13, 0)));
        assertTrue(s.allows(LocalTime.of(16, 59)));
        Schedule all = Schedule.parse("00:00-24:00");
        assertTrue(all.allows(LocalTime.MIDNIGHT) && all.allows(LocalTime.of(23, 59)));
    }

    @Test
    void badRanges_areRefused_namingTheRange() {
        for (String bad : new String[] {"", "22-08", "25:00-08:00", "10:61-11:00", "08:00-08:00", "08:00-24:01", "08:00-09:00,x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--schedule"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.parse("25:00-08:00")).getMessage()
                .contains("'25:00-08:00'"));
    }
}
