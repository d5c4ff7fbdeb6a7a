package io.p2c2r.executors.ai.dialogue;

import io.p2c2r.executors.TaskExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Composes the NPC's answer: classifies the player's line (or takes the context), reads the history for
 * earlier intents, the item under discussion and what the NPC already said, picks a line for the intent
 * in the speaker's tone with seeded variety, and fills it in. Stateless; safe from any thread.
 */
final class DialogueEngine {
    private static final Map<String, Intent> CONTEXT_ALIASES = Map.of("trade", Intent.BUY, "shop", Intent.BUY,
            "shopping", Intent.BUY, "rumor", Intent.RUMOUR, "hello", Intent.GREETING, "goodbye", Intent.FAREWELL,
            "job", Intent.QUEST, "work", Intent.QUEST, "combat", Intent.THREAT, "compliment", Intent.FLATTERY);

    private final IntentModel model;
    private final LineBank bank;

    DialogueEngine(IntentModel model, LineBank bank) {
        this.model = model;
        this.bank = bank;
    }

    Map<String, Object> answer(DialogueRequest r) {
        List<Intent> earlier = new ArrayList<>();
        List<String> playerLines = new ArrayList<>(); // latest first, the current line before the history
        Set<String> npcSaid = new HashSet<>();
        long work = 0; // lines classified, then template lines filled or searched for
        if (!r.playerInput().isEmpty()) {
            playerLines.add(r.playerInput());
        }
        for (int i = r.history().size() - 1; i >= 0; i--) {
            DialogueRequest.Turn t = r.history().get(i);
            if (t.player()) {
                playerLines.add(t.text());
                IntentModel.Prediction earlierLine = model.classify(t.text());
                earlier.add(earlierLine.intent());
                work += earlierLine.work();
            } else {
                npcSaid.add(t.text());
            }
        }
        Map<String, Object> intentOut = new LinkedHashMap<>();
        IntentModel.Prediction p = understand(r, earlier, intentOut);
        work += p.work();
        Intent intent = p.intent();
        int before = r.disposition() != null ? r.disposition() : replay(earlier);
        Speaker s = Speaker.of(r, before);
        SplittableRandom rnd = new SplittableRandom(mix(r));
        boolean again = earlier.contains(intent);
        String key = key(intent, s, before, again);

        String item = Slots.item(playerLines);
        int price = Slots.price(item, s.role());
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("name", s.name());
        slots.put("role", s.role().noun);
        slots.put("place", s.role().place);
        slots.put("wares", s.role().wares);
        slots.put("item", Slots.itemPhrase(item));
        slots.put("price", Integer.toString(price));
        slots.put("offer", Integer.toString(offer(intent, s.tone(), price, again)));
        String place = Slots.place(playerLines);
        slots.put("target", place == null ? "the town square" : "the " + place);
        slots.put("way", Slots.way(rnd.nextLong()));
        slots.put("rumour", fresh("rumour_text", npcSaid, rnd, false));
        slots.put("quest", fresh("quest_text", npcSaid, rnd, again));

        List<LineBank.Line> candidates = bank.lines(key, s.tone());
        List<LineBank.Line> unsaid = candidates.stream().filter(l -> !npcSaid.contains(Slots.fill(l.template(), slots))).toList();
        List<LineBank.Line> pool = unsaid.isEmpty() ? candidates : unsaid;
        LineBank.Line line = pool.get(rnd.nextInt(pool.size()));
        work += templateWork(bank, candidates.size(), npcSaid.size());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dialogue", Slots.fill(line.template(), slots));
        out.put("emotion", line.emotion());
        out.put("animation", line.animation());
        out.put("intent", intentOut);
        out.put("suggested_replies", Replies.suggest(intent, key, s.role(), bank, rnd));
        out.put("mood", line.emotion());
        out.put("disposition", clamp(before + Disposition.delta(intent, s.personalityTone(), again)));
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("name", s.name());
        who.put("role", s.role().wireName());
        who.put("role_known", s.roleKnown());
        who.put("personality", r.personality().toLowerCase(Locale.ROOT));
        who.put("personality_known", s.personalityKnown());
        who.put("tone", s.tone().wireName());
        out.put("character", who);
        out.put(TaskExecutor.WORK_UNITS, work);
        return out;
    }

    /** Template work: every candidate line is filled once, and each rumour and quest text is looked for in each NPC line. */
    private static long templateWork(LineBank bank, int candidates, int npcLines) {
        return candidates + (long) (bank.lines("rumour_text", Tone.CALM).size()
                + bank.lines("quest_text", Tone.CALM).size()) * (1 + npcLines);
    }

    /**
     * The most work units {@link #answer} can count for {@code r}: every player line of the history and the
     * player's line (or else the context) classified, and no key with more candidates than the bank has lines.
     */
    static long maxWork(DialogueRequest r, LineBank bank) {
        long work = IntentModel.maxWork(Math.max(r.playerInput().length(), r.context().length()));
        int npcLines = 0;
        for (DialogueRequest.Turn t : r.history()) {
            if (t.player()) {
                work += IntentModel.maxWork(t.text().length());
            } else {
                npcLines++;
            }
        }
        return work + templateWork(bank, bank.size(), npcLines);
    }

    /** The intent of this turn: the player's line if any, else the context, else a greeting. */
    private IntentModel.Prediction understand(DialogueRequest r, List<Intent> earlier, Map<String, Object> out) {
        IntentModel.Prediction p;
        String source;
        if (!r.playerInput().isEmpty()) {
            p = model.classify(r.playerInput());
            source = "player_input";
        } else if (!r.context().isEmpty()) {
            String c = r.context().toLowerCase(Locale.ROOT);
            Intent named = Intent.fromWire(c).orElse(CONTEXT_ALIASES.get(c));
            p = named != null ? IntentModel.Prediction.given(named) : model.classify(r.context());
            source = "context";
        } else {
            Intent opening = earlier.isEmpty() ? Intent.GREETING : Intent.UNKNOWN;
            p = IntentModel.Prediction.given(opening);
            source = "default";
        }
        out.put("name", p.intent().wireName());
        out.put("confidence", Math.round(p.confidence() * 1000) / 1000.0);
        out.put("source", source);
        return p;
    }

    private String key(Intent intent, Speaker s, int disposition, boolean again) {
        boolean trade = intent == Intent.BUY || intent == Intent.SELL || intent == Intent.HAGGLE;
        boolean service = trade || intent == Intent.QUEST || intent == Intent.RUMOUR || intent == Intent.DIRECTIONS
                || intent == Intent.ABOUT;
        if (service && disposition <= -60) {
            return "refuse";
        }
        if (trade && !s.role().trades) {
            return "notrade";
        }
        String key = intent.wireName();
        if (again && bank.has(key + "_again")) {
            return key + "_again";
        }
        if (intent == Intent.THREAT && s.role().martial) {
            return "threat_martial";
        }
        return key;
    }

    /** What the NPC would pay or accept: a discount by tone when haggled, a share of the value when buying from the player. */
    private static int offer(Intent intent, Tone tone, int price, boolean again) {
        if (intent == Intent.SELL) {
            return Math.max(1, price * (tone == Tone.WARM || tone == Tone.TIMID ? 60 : 45) / 100);
        }
        int discount = switch (tone) {
            case WARM -> 20;
            case TIMID -> 25;
            case SLY, CALM -> 10;
            case GRUFF, PROUD -> 0;
        };
        return Math.max(1, price * (100 - discount - (again ? 5 : 0)) / 100);
    }

    /** A rumour or quest text the NPC has not said yet (or, to repeat a quest, the one it did say). */
    private String fresh(String key, Set<String> npcSaid, SplittableRandom rnd, boolean repeat) {
        List<LineBank.Line> all = bank.lines(key, Tone.CALM);
        List<String> said = new ArrayList<>();
        List<String> unsaid = new ArrayList<>();
        for (LineBank.Line l : all) {
            boolean wasSaid = npcSaid.stream().anyMatch(t -> t.contains(l.template()));
            (wasSaid ? said : unsaid).add(l.template());
        }
        List<String> pool = repeat && !said.isEmpty() ? said : unsaid.isEmpty() ? said : unsaid;
        return pool.get(rnd.nextInt(pool.size()));
    }

    private static int replay(List<Intent> earlierLatestFirst) {
        int d = 0;
        Set<Intent> seen = new HashSet<>();
        for (int i = earlierLatestFirst.size() - 1; i >= 0; i--) {
            Intent in = earlierLatestFirst.get(i);
            d = clamp(d + Disposition.delta(in, Tone.CALM, !seen.add(in)));
        }
        return d;
    }

    private static int clamp(int d) {
        return Math.max(-100, Math.min(100, d));
    }

    /** The variety stream: the seed mixed with the text of the request, via String.hashCode, which Java specifies. */
    private static long mix(DialogueRequest r) {
        long h = r.seed();
        for (String s : new String[] {r.character(), r.personality(), r.mood(), r.context(), r.playerInput()}) {
            h = h * 1_000_003L + s.hashCode();
        }
        return h * 31 + r.history().size();
    }
}
