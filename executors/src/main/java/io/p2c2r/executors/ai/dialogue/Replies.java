package io.p2c2r.executors.ai.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Chooses 2 to 4 player replies that make sense after an NPC line, so a game can offer them as choices. Stateless. */
final class Replies {
    private static final Map<Intent, List<Intent>> NEXT = Map.ofEntries(
            Map.entry(Intent.GREETING, List.of(Intent.BUY, Intent.QUEST, Intent.RUMOUR, Intent.ABOUT)),
            Map.entry(Intent.FAREWELL, List.of(Intent.GREETING, Intent.RUMOUR)),
            Map.entry(Intent.BUY, List.of(Intent.ACCEPT, Intent.HAGGLE, Intent.DECLINE)),
            Map.entry(Intent.SELL, List.of(Intent.ACCEPT, Intent.HAGGLE, Intent.DECLINE)),
            Map.entry(Intent.HAGGLE, List.of(Intent.ACCEPT, Intent.HAGGLE, Intent.DECLINE)),
            Map.entry(Intent.QUEST, List.of(Intent.ACCEPT, Intent.DECLINE, Intent.RUMOUR)),
            Map.entry(Intent.RUMOUR, List.of(Intent.QUEST, Intent.RUMOUR, Intent.THANKS)),
            Map.entry(Intent.THREAT, List.of(Intent.THREAT, Intent.FLATTERY)),
            Map.entry(Intent.FLATTERY, List.of(Intent.BUY, Intent.QUEST, Intent.ABOUT)),
            Map.entry(Intent.INSULT, List.of(Intent.FLATTERY, Intent.THREAT)),
            Map.entry(Intent.THANKS, List.of(Intent.QUEST, Intent.RUMOUR)),
            Map.entry(Intent.DIRECTIONS, List.of(Intent.THANKS, Intent.RUMOUR)),
            Map.entry(Intent.ABOUT, List.of(Intent.RUMOUR, Intent.QUEST, Intent.FLATTERY)),
            Map.entry(Intent.ACCEPT, List.of(Intent.THANKS, Intent.RUMOUR, Intent.BUY)),
            Map.entry(Intent.DECLINE, List.of(Intent.BUY, Intent.RUMOUR, Intent.QUEST)),
            Map.entry(Intent.UNKNOWN, List.of(Intent.GREETING, Intent.BUY, Intent.QUEST)));

    private Replies() {}

    /** Replies after the NPC answered {@code answered}; its line's key says if it refused or does not trade. */
    static List<Map<String, Object>> suggest(Intent intent, String key, Role role, LineBank bank, SplittableRandom rnd) {
        // after "I don't trade" the player moves on; after a refusal they make amends or push harder
        Intent answered = key.equals("notrade") ? Intent.DECLINE : key.equals("refuse") ? Intent.INSULT : intent;
        List<Intent> next = new ArrayList<>();
        for (Intent i : NEXT.get(answered)) {
            boolean trade = i == Intent.BUY || i == Intent.SELL || i == Intent.HAGGLE;
            if ((!trade || role.trades) && next.size() < 3) {
                next.add(i);
            }
        }
        if (next.size() < 2) {
            next.add(answered == Intent.ABOUT ? Intent.RUMOUR : Intent.ABOUT);
        }
        if (answered != Intent.FAREWELL) {
            next.add(Intent.FAREWELL);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        boolean trading = answered == Intent.BUY || answered == Intent.SELL || answered == Intent.HAGGLE;
        for (Intent i : next) {
            // a player agreeing to a price or asking more for their goods says so differently
            String replyKey = i == Intent.ACCEPT && trading ? "reply_accept_trade"
                    : i == Intent.HAGGLE && answered == Intent.SELL ? "reply_haggle_up" : "reply_" + i.wireName();
            List<LineBank.Line> texts = bank.lines(replyKey, Tone.CALM);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", texts.get(rnd.nextInt(texts.size())).template());
            m.put("intent", i.wireName());
            out.add(m);
        }
        return out;
    }
}
