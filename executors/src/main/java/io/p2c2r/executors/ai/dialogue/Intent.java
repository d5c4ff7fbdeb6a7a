package io.p2c2r.executors.ai.dialogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a player's line is trying to do; every value but {@link #UNKNOWN} has training utterances. */
enum Intent {
    GREETING, FAREWELL, BUY, SELL, HAGGLE, QUEST, RUMOUR, THREAT, FLATTERY, INSULT, THANKS, DIRECTIONS, ABOUT,
    ACCEPT, DECLINE, UNKNOWN;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Intent> fromWire(String name) {
        return Arrays.stream(values()).filter(i -> i.wireName().equals(name)).findFirst();
    }

    /** The intents a classifier can predict: all but {@link #UNKNOWN}. */
    static Intent[] trained() {
        return Arrays.copyOf(values(), values().length - 1);
    }
}
