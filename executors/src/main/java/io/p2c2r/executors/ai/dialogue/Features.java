package io.p2c2r.executors.ai.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a line of text into the set of features the intent model counts: words, word pairs and the
 * three- and four-letter pieces of each word (so that "buying" still shares pieces with "buy", and a
 * typo costs little). Stateless.
 */
final class Features {
    private Features() {}

    /** Lower-case words of letters and digits; apostrophes are dropped so "what's" is "whats". */
    static List<String> words(String text) {
        String clean = text.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
        List<String> out = new ArrayList<>();
        for (String w : clean.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The distinct features of {@code text}, in first-seen order. */
    static Set<String> of(String text) {
        List<String> words = words(text);
        Set<String> out = new LinkedHashSet<>();
        String prev = "^";
        for (String w : words) {
            out.add("w:" + w);
            out.add("b:" + prev + "_" + w);
            prev = w;
            String padded = "<" + w + ">";
            for (int n = 3; n <= 4; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    out.add("c:" + padded.substring(i, i + n));
                }
            }
        }
        if (!words.isEmpty()) {
            out.add("b:" + prev + "_$");
        }
        return out;
    }
}
