package io.p2c2r.executors.ai.dialogue;

/**
 * Who the NPC is for this line: role, name, the tone it speaks in and why. Unknown roles become
 * villagers and unknown personalities speak calmly, so any input gets a sensible voice. Immutable.
 */
record Speaker(Role role, boolean roleKnown, String name, Tone personalityTone, boolean personalityKnown,
               Tone tone) {
    private static final String[] NAMES = {"Mira", "Tobin", "Greta", "Aldric", "Yara", "Bram", "Elowen", "Osric",
        "Nessa", "Corwin", "Ilse", "Dunstan"};

    static Speaker of(DialogueRequest r, int disposition) {
        Role role = Role.of(r.character());
        boolean roleKnown = role != Role.VILLAGER || r.character().toLowerCase(java.util.Locale.ROOT).contains("villager");
        String name = !r.name().isEmpty() ? r.name() : NAMES[Math.floorMod(r.character().hashCode(), NAMES.length)];
        Tone personality = Tone.of(r.personality()).orElse(Tone.CALM);
        boolean personalityKnown = Tone.of(r.personality()).isPresent();
        Tone tone = personality;
        // A bad relationship sours anyone but the timid, who grow more timid; a good one warms the calm.
        if (disposition <= -30) {
            tone = personality == Tone.TIMID ? Tone.TIMID : Tone.GRUFF;
        } else if (disposition >= 50 && personality == Tone.CALM) {
            tone = Tone.WARM;
        }
        // The mood of the moment wins over both, unless it is plain neutral.
        Tone moodTone = Tone.of(r.mood()).orElse(Tone.CALM);
        if (moodTone != Tone.CALM) {
            tone = moodTone;
        }
        return new Speaker(role, roleKnown, name, personality, personalityKnown, tone);
    }
}
