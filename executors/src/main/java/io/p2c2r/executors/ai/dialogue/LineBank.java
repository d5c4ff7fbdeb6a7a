package io.p2c2r.executors.ai.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The NPC line templates shipped in {@code lines.tsv}, indexed by key and tone, each with the emotion
 * and animation it carries. Loaded once on first use; immutable and safe from any thread.
 */
final class LineBank {
    private static final String RESOURCE = "lines.tsv";

    /** One template. {@code tone} is null for lines that fit any tone. */
    record Line(String key, Tone tone, String emotion, String animation, String template) {
    }

    private final Map<String, List<Line>> byKey;

    private LineBank(Map<String, List<Line>> byKey) {
        this.byKey = byKey;
    }

    static LineBank shipped() {
        return Shipped.BANK;
    }

    private static final class Shipped {
        static final LineBank BANK = read(LineBank.class.getResourceAsStream(RESOURCE));
    }

    /** How many lines the bank holds, over all keys and tones. */
    int size() {
        int n = 0;
        for (List<Line> lines : byKey.values()) {
            n += lines.size();
        }
        return n;
    }

    boolean has(String key) {
        return byKey.containsKey(key);
    }

    /** The lines of {@code key} in {@code tone}; else its any-tone lines; else its calm ones; else empty. */
    List<Line> lines(String key, Tone tone) {
        List<Line> all = byKey.getOrDefault(key, List.of());
        for (Tone t : new Tone[] {tone, null, Tone.CALM}) {
            List<Line> out = all.stream().filter(l -> l.tone() == t).toList();
            if (!out.isEmpty()) {
                return out;
            }
        }
        return all;
    }

    private static LineBank read(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
        }
        Map<String, List<Line>> map = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                lineNo++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] f = text.split("\t");
                if (f.length != 5) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + " has " + f.length + " fields; expected 5");
                }
                Tone tone = f[1].equals("*") ? null : Tone.valueOf(f[1].toUpperCase(java.util.Locale.ROOT));
                map.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Line(f[0], tone, f[2], f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, List<Line>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new LineBank(Map.copyOf(frozen));
    }
}
