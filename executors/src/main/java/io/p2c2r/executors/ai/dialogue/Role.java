package io.p2c2r.executors.ai.dialogue;

import java.util.Locale;

/**
 * The kind of character an NPC is, guessed from its {@code character} text by keyword (so "Old
 * Shopkeeper" and "travelling merchant" are both merchants), with the words its lines use. Immutable.
 */
enum Role {
    MERCHANT("shopkeeper", "my shop", "my wares", true, false, 30, "shop", "merchant", "trader", "vendor", "peddler", "store"),
    BLACKSMITH("blacksmith", "my forge", "my blades and armour", true, false, 60, "smith", "armorer", "armourer", "forge"),
    INNKEEPER("innkeeper", "my inn", "food, drink and a warm bed", true, false, 8, "inn", "tavern", "barkeep", "bartender", "barmaid", "cook"),
    GUARD("guard", "the gate", "nothing", false, true, 0, "guard", "soldier", "watch", "sentry", "captain", "knight", "sergeant"),
    MAGE("mage", "my tower", "scrolls and potions", true, false, 80, "wizard", "mage", "sorcer", "witch", "alchemist", "warlock", "enchant"),
    PRIEST("priest", "the temple", "blessings", false, false, 0, "priest", "cleric", "monk", "nun", "healer", "temple", "oracle"),
    FARMER("farmer", "my farm", "fresh eggs and vegetables", true, false, 4, "farmer", "peasant", "villager", "miller", "shepherd", "fisher"),
    NOBLE("noble", "my court", "nothing", false, false, 0, "king", "queen", "lord", "lady", "noble", "prince", "duke", "baron", "count"),
    ROGUE("rogue", "this alley", "certain rare items", true, false, 45, "thief", "rogue", "smuggler", "bandit", "assassin", "fence", "pirate"),
    VILLAGER("villager", "this town", "nothing", false, false, 0);

    final String noun;
    final String place;
    final String wares;
    final boolean trades;
    final boolean martial;
    /** Typical price in gold of what this role sells. */
    final int basePrice;
    private final String[] keywords;

    Role(String noun, String place, String wares, boolean trades, boolean martial, int basePrice, String... keywords) {
        this.noun = noun;
        this.place = place;
        this.wares = wares;
        this.trades = trades;
        this.martial = martial;
        this.basePrice = basePrice;
        this.keywords = keywords;
    }

    /**
     * The first role with a keyword that begins a word of {@code character}, or ends it if the keyword
     * has five letters or more ("Innkeeper", "blacksmith"; but not "spinner" or "talking");
     * {@link #VILLAGER} when none does.
     */
    static Role of(String character) {
        String[] words = character.toLowerCase(Locale.ROOT).split("[^a-z]+");
        for (Role r : values()) {
            for (String k : r.keywords) {
                for (String w : words) {
                    if (w.startsWith(k) || (k.length() >= 5 && w.endsWith(k))) {
                        return r;
                    }
                }
            }
        }
        return VILLAGER;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
