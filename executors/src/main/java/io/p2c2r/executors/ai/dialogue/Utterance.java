package io.p2c2r.executors.ai.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One labelled player line, and the reader of the tab-separated files that hold them. Immutable. */
record Utterance(Intent intent, String text) {
    /** Reads {@code intent<TAB>text} lines; {@code #} starts a comment line. Fails on an unknown intent. */
    static List<Utterance> read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the build");
        }
        List<Utterance> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String label = tab < 0 ? "" : line.substring(0, tab);
                Intent intent = Intent.fromWire(label).filter(i -> i != Intent.UNKNOWN).orElse(null);
                if (intent == null) {
                    throw new IllegalStateException(name + " line " + lineNo + ": no known intent before a tab");
                }
                out.add(new Utterance(intent, line.substring(tab + 1).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return List.copyOf(out);
    }
}
