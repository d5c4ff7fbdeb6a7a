package io.p2c2r.executors.ai.dialogue;

import java.util.Locale;
import java.util.Optional;

/**
 * How an NPC speaks: six tones, each reached from many personality and mood words, so that "jolly" and
 * "kind" both sound warm. Immutable.
 */
enum Tone {
    WARM("friendly", "kind", "warm", "cheerful", "jolly", "happy", "generous", "gentle", "caring", "optimistic",
            "pleased", "glad", "excited", "loving", "hopeful"),
    GRUFF("grumpy", "rude", "hostile", "angry", "annoyed", "stern", "irritable", "surly", "bitter", "cranky",
            "aggressive", "mean", "impatient", "irritated", "furious"),
    TIMID("shy", "nervous", "timid", "anxious", "cowardly", "afraid", "scared", "meek", "sad", "worried",
            "fearful", "frightened", "embarrassed"),
    PROUD("arrogant", "proud", "snobbish", "pompous", "haughty", "vain", "smug", "condescending", "boastful"),
    SLY("mysterious", "cunning", "sly", "greedy", "shady", "sneaky", "secretive", "devious", "suspicious",
            "curious", "scheming", "mischievous", "amused"),
    CALM("neutral", "calm", "wise", "stoic", "serious", "polite", "professional", "honest", "patient",
            "content", "reserved", "formal", "relieved");

    private final String[] words;

    Tone(String... words) {
        this.words = words;
    }

    /** The tone whose words include {@code word} (case-insensitive), if any. */
    static Optional<Tone> of(String word) {
        String w = word.toLowerCase(Locale.ROOT).trim();
        for (Tone t : values()) {
            for (String k : t.words) {
                if (k.equals(w)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
