package io.p2c2r.peer.controls;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a peer may work, in local time: one or more ranges such as {@code 22:00-08:00,12:00-13:30}. A range
 * whose end is before its start crosses midnight; {@code 24:00} may end a range. Immutable and thread-safe.
 */
public final class Schedule {
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

    private record Range(int startMinute, int endMinute) {
        boolean contains(int minute) {
            return startMinute < endMinute ? minute >= startMinute && minute < endMinute
                    : minute >= startMinute || minute < endMinute;
        }
    }

    private final List<Range> ranges;
    private final String text;

    private Schedule(List<Range> ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    /** Parses comma-separated {@code HH:MM-HH:MM} ranges; the message names the bad range and the rule. */
    public static Schedule parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--schedule is empty; give ranges like 22:00-08:00 or 09:00-12:00,14:00-17:00");
        }
        List<Range> ranges = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String part : spec.split(",")) {
            String r = part.trim();
            Matcher m = RANGE.matcher(r);
            if (!m.matches()) {
                throw new IllegalArgumentException("--schedule range '" + r + "' is not HH:MM-HH:MM (for example 22:00-08:00)");
            }
            int start = minute(r, m.group(1), m.group(2), false);
            int end = minute(r, m.group(3), m.group(4), true);
            if (start == end) {
                throw new IllegalArgumentException("--schedule range '" + r + "' starts where it ends; use 00:00-24:00 for all day");
            }
            ranges.add(new Range(start, end));
            shown.add(String.format("%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60));
        }
        return new Schedule(List.copyOf(ranges), String.join(",", shown));
    }

    private static int minute(String range, String hh, String mm, boolean isEnd) {
        int h = Integer.parseInt(hh);
        int m = Integer.parseInt(mm);
        if (isEnd && h == 24 && m == 0) {
            return 24 * 60;
        }
        try {
            LocalTime t = LocalTime.of(h, m);
            return t.getHour() * 60 + t.getMinute();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("--schedule range '" + range + "': " + hh + ":" + mm
                    + " is not a time of day (00:00 to 23:59, or 24:00 as an end)");
        }
    }

    /** True if {@code time} falls in one of the ranges. */
    public boolean allows(LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        for (Range r : ranges) {
            if (r.contains(minute)) {
                return true;
            }
        }
        return false;
    }

    /** The ranges as parsed, normalised to {@code HH:MM-HH:MM}. */
    @Override
    public String toString() {
        return text;
    }
}
