package io.p2c2r.executors.ai.dialogue;

import java.util.List;
import java.util.Map;

/**
 * Fills a template's {@code {slots}} from the speaker, the items and places the player mentioned, and
 * seeded choices; then capitalises each sentence. Stateless.
 */
final class Slots {
    /** Items a player may name, with a fair price in gold. Checked in this order. */
    private static final Map<String, Integer> ITEMS = Map.ofEntries(
            Map.entry("sword", 40), Map.entry("blade", 40), Map.entry("shield", 30), Map.entry("potion", 15),
            Map.entry("arrow", 5), Map.entry("bread", 2), Map.entry("loaf", 2), Map.entry("ale", 1),
            Map.entry("drink", 1), Map.entry("room", 5), Map.entry("map", 12), Map.entry("horse", 120),
            Map.entry("armor", 80), Map.entry("armour", 80), Map.entry("bow", 35), Map.entry("rope", 3),
            Map.entry("ring", 60), Map.entry("boot", 12), Map.entry("dagger", 15), Map.entry("gem", 50),
            Map.entry("amulet", 70), Map.entry("fur", 10), Map.entry("pelt", 8), Map.entry("hide", 8),
            Map.entry("herb", 4), Map.entry("book", 20), Map.entry("scroll", 25), Map.entry("axe", 25),
            Map.entry("helmet", 28), Map.entry("cloak", 14), Map.entry("lantern", 6), Map.entry("ore", 9));
    private static final List<String> PLACES = List.of("inn", "tavern", "castle", "market", "temple", "docks",
            "harbour", "harbor", "blacksmith", "forge", "gate", "mine", "forest", "guild", "mayor", "healer", "bridge",
            "tower", "mill", "square", "capital", "river", "church", "stables", "library", "barracks");
    private static final String[] WAYS = {"north", "east", "south", "west", "up the hill", "down by the river"};

    private Slots() {}

    /** The last item named in {@code lines} (latest line first), as its singular key; null if none. */
    static String item(List<String> lines) {
        for (String line : lines) {
            List<String> words = Features.words(line);
            for (int i = words.size() - 1; i >= 0; i--) {
                String w = singular(words.get(i));
                if (ITEMS.containsKey(w)) {
                    return words.get(i);
                }
            }
        }
        return null;
    }

    static String place(List<String> lines) {
        for (String line : lines) {
            for (String w : Features.words(line)) {
                if (PLACES.contains(w)) {
                    return w;
                }
            }
        }
        return null;
    }

    static int price(String item, Role role) {
        return item == null ? Math.max(2, role.basePrice) : ITEMS.get(singular(item));
    }

    static String itemPhrase(String item) {
        if (item == null) {
            return "that one";
        }
        return (item.endsWith("s") && !item.endsWith("ss") ? "those " : "that ") + item;
    }

    static String way(long pick) {
        return WAYS[(int) Math.floorMod(pick, (long) WAYS.length)];
    }

    private static String singular(String w) {
        if (w.endsWith("ves")) {
            return w.substring(0, w.length() - 3) + "f"; // loaves -> loaf
        }
        return w.endsWith("s") && !w.endsWith("ss") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
    }

    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String key = template.substring(open + 1, close);
            out.append(values.getOrDefault(key, "{" + key + "}"));
            i = close + 1;
        }
        return capitalise(out.toString());
    }

    /** Upper-cases the first letter of the line and of each sentence after . ! or ? and a space. */
    static String capitalise(String s) {
        char[] c = s.toCharArray();
        boolean start = true;
        for (int i = 0; i < c.length; i++) {
            if (start && Character.isLetter(c[i])) {
                c[i] = Character.toUpperCase(c[i]);
                start = false;
            } else if (c[i] == '.' || c[i] == '!' || c[i] == '?') {
                start = i + 1 < c.length && c[i + 1] == ' ';
            } else if (c[i] != ' ' && c[i] != '"') {
                start = false;
            }
        }
        return new String(c);
    }
}
