package io.p2c2r.gamer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task data with per-task placeholders, so that a bench can make every task distinct work (and miss the
 * cache): {@code {i}} is the task's index, {@code {i%N}} the index modulo N, {@code {i/N}} the index
 * divided by N. Immutable.
 */
record DataTemplate(String text) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{i(?:([%/])(\\d{1,9}))?}");

    String render(long i) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long v = i;
            if (m.group(1) != null) {
                long n = Long.parseLong(m.group(2));
                if (n == 0) {
                    throw new IllegalArgumentException("placeholder " + m.group() + " divides by zero");
                }
                v = m.group(1).equals("%") ? i % n : i / n;
            }
            m.appendReplacement(out, Long.toString(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
