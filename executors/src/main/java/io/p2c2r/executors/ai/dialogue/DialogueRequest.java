package io.p2c2r.executors.ai.dialogue;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import java.util.ArrayList;
import java.util.List;

/** The validated data of one {@code ai_npc_dialogue} task. Immutable; safe from any thread. */
record DialogueRequest(String character, String name, String personality, String mood, String context,
                       String playerInput, List<Turn> history, Integer disposition, long seed) {
    static final int MAX_TEXT = 500;
    static final int MAX_WORD = 64;
    static final int MAX_HISTORY = 32;
    static final long MAX_SEED = 1L << 53;

    /** One earlier line of the conversation. */
    record Turn(boolean player, String text) {
    }

    static DialogueRequest parse(Params p) {
        p.allowOnly("character", "name", "personality", "mood", "context", "player_input", "history",
                "disposition", "seed");
        String character = p.string("character", "Villager", MAX_WORD);
        String name = p.string("name", "", MAX_WORD);
        String personality = p.string("personality", "neutral", MAX_WORD);
        String mood = p.string("mood", "", MAX_WORD);
        String context = p.string("context", "", MAX_TEXT);
        String input = p.string("player_input", "", MAX_TEXT);
        List<Turn> history = new ArrayList<>();
        for (Params t : p.objects("history", MAX_HISTORY)) {
            t.allowOnly("speaker", "text");
            boolean player = t.oneOf("speaker", "player", "player", "npc").equals("player");
            history.add(new Turn(player, t.requireString("text", MAX_TEXT)));
        }
        Integer disposition = p.has("disposition") ? p.requireInt("disposition", -100, 100) : null;
        long seed = p.longValue("seed", 0, -MAX_SEED, MAX_SEED);
        if (character.isBlank()) {
            throw new InvalidTaskException(p.field("character") + " is blank; give a role such as \"Shopkeeper\"");
        }
        return new DialogueRequest(character.trim(), name.trim(), personality.trim(), mood.trim(), context.trim(),
                input.trim(), List.copyOf(history), disposition, seed);
    }
}
