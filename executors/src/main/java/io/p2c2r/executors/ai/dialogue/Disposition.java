package io.p2c2r.executors.ai.dialogue;

/** How much each kind of player line moves an NPC's disposition (-100 hostile to 100 devoted). Stateless. */
final class Disposition {
    private Disposition() {}

    static int delta(Intent intent, Tone personality, boolean again) {
        return switch (intent) {
            case GREETING, QUEST, ABOUT, SELL -> 1;
            case BUY, ACCEPT -> 2;
            case THANKS -> 3;
            case HAGGLE -> again ? -4 : -2;
            case DECLINE -> -1;
            // flattery works on the vain and the warm, barely on the suspicious or the gruff
            case FLATTERY -> personality == Tone.GRUFF || personality == Tone.SLY ? 1 : 5;
            case INSULT -> -15;
            case THREAT -> -25;
            case FAREWELL, RUMOUR, DIRECTIONS, UNKNOWN -> 0;
        };
    }
}
