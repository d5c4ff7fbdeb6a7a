package io.p2c2r.executors.ai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutionContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialogueExecutorTest {
    private final DialogueExecutor executor = new DialogueExecutor();

    private Map<String, Object> run(String json) {
        return executor.execute(Codec.params(json), ExecutionContext.sequential());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sub(Map<String, Object> r, String key) {
        return (Map<String, Object>) r.get(key);
    }

    @Test
    void seedExample_greetsAsAFriendlyShopkeeper() {
        Map<String, Object> r = run(TaskType.AI_NPC_DIALOGUE.seedData());
        assertEquals("greeting", sub(r, "intent").get("name"));
        assertEquals("context", sub(r, "intent").get("source"));
        assertEquals("happy", r.get("emotion"));
        assertEquals("merchant", sub(r, "character").get("role"));
        assertEquals("warm", sub(r, "character").get("tone"));
        assertFalse(((String) r.get("dialogue")).isBlank());
    }

    @Test
    void personality_changesToneAndEmotion() {
        String base = "{\"character\":\"Shopkeeper\",\"player_input\":\"hello there\",\"personality\":\"";
        Map<String, Object> friendly = run(base + "friendly\"}");
        Map<String, Object> grumpy = run(base + "grumpy\"}");
        Map<String, Object> shy = run(base + "shy\"}");
        assertEquals("happy", friendly.get("emotion"));
        assertEquals("annoyed", grumpy.get("emotion"));
        assertEquals("nervous", shy.get("emotion"));
        assertNotEquals(friendly.get("dialogue"), grumpy.get("dialogue"));
    }

    @Test
    void history_turnsASecondGreetingIntoAWelcomeBack() {
        String line = "{\"character\":\"Shopkeeper\",\"personality\":\"friendly\",\"player_input\":\"hi\"";
        Map<String, Object> first = run(line + "}");
        Map<String, Object> second = run(line + ",\"history\":[{\"speaker\":\"player\",\"text\":\"hello\"},"
                + "{\"speaker\":\"npc\",\"text\":\"Welcome!\"}]}");
        assertNotEquals(first.get("dialogue"), second.get("dialogue"));
        assertTrue(((String) second.get("dialogue")).contains("back"), (String) second.get("dialogue"));
    }

    @Test
    void history_carriesTheItemIntoTheHaggle() {
        Map<String, Object> r = run("{\"character\":\"Shopkeeper\",\"personality\":\"friendly\",\"player_input\":"
                + "\"that's too expensive\",\"history\":[{\"speaker\":\"player\",\"text\":\"how much for the sword?\"}]}");
        assertEquals("haggle", sub(r, "intent").get("name"));
        assertTrue(((String) r.get("dialogue")).contains("32 gold"), "20% off the sword's 40 gold: " + r.get("dialogue"));
    }

    @Test
    void history_neverRepeatsTheNpcsLastLineWhenAnotherFits() {
        String ask = "{\"character\":\"Shopkeeper\",\"personality\":\"neutral\",\"player_input\":\"hello\",\"seed\":1";
        String said = (String) run(ask + "}").get("dialogue");
        Map<String, Object> again = run(ask + ",\"history\":[{\"speaker\":\"npc\",\"text\":\"" + said + "\"}]}");
        assertNotEquals(said, again.get("dialogue"));
    }

    @Test
    void sameInput_givesTheSameBytes_andSeedsGiveVariety() {
        String json = "{\"character\":\"Innkeeper\",\"personality\":\"cheerful\",\"player_input\":\"heard any rumours?\",\"seed\":9}";
        assertEquals(Codec.toRaw(run(json)).text(), Codec.toRaw(run(json)).text());
        Set<Object> lines = new HashSet<>();
        for (int seed = 0; seed < 12; seed++) {
            lines.add(run(json.replace("\"seed\":9", "\"seed\":" + seed)).get("dialogue"));
        }
        assertTrue(lines.size() >= 3, "only " + lines.size() + " different lines over 12 seeds");
    }

    @Test
    void unknownRoleAndPersonality_fallBackGracefully() {
        Map<String, Object> r = run("{\"character\":\"Space Pirate Zorg\",\"personality\":\"zany\",\"context\":\"greeting\"}");
        assertEquals("rogue", sub(r, "character").get("role"), "pirate is a keyword of the rogue role");
        assertEquals("villager", sub(run("{\"character\":\"Spinner\"}"), "character").get("role"), "no \"inn\" inside a word");
        Map<String, Object> u = run("{\"character\":\"Talking Tree\",\"personality\":\"zany\",\"context\":\"greeting\"}");
        assertEquals("villager", sub(u, "character").get("role"));
        assertEquals(false, sub(u, "character").get("role_known"));
        assertEquals(false, sub(u, "character").get("personality_known"));
        assertEquals("calm", sub(u, "character").get("tone"));
        assertFalse(((String) u.get("dialogue")).isBlank());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyIntentRoleAndPersonality_fillsAllSlotsAndSuggestsTwoToFourReplies() {
        String[] roles = {"Shopkeeper", "Guard", "Wizard", "Farmer", "Queen", "Thief", "Talking Tree"};
        String[] personalities = {"friendly", "grumpy", "shy", "arrogant", "mysterious", "wise", "zany"};
        for (Intent intent : Intent.values()) {
            for (String role : roles) {
                for (String p : personalities) {
                    String json = "{\"character\":\"" + role + "\",\"personality\":\"" + p + "\",\"context\":\""
                            + intent.wireName() + "\"}";
                    Map<String, Object> r = run(json);
                    String line = (String) r.get("dialogue");
                    assertFalse(line.contains("{") || line.contains("}") || line.isBlank(), json + " -> " + line);
                    List<Object> replies = (List<Object>) r.get("suggested_replies");
                    assertTrue(replies.size() >= 2 && replies.size() <= 4, json + " -> " + replies.size());
                }
            }
        }
    }

    @Test
    void threats_lowerDisposition_untilTheNpcRefusesService() {
        Map<String, Object> r = run("{\"character\":\"Shopkeeper\",\"personality\":\"friendly\",\"player_input\":"
                + "\"hand over your gold\",\"disposition\":10}");
        assertEquals(-15, r.get("disposition"));
        Map<String, Object> refused = run("{\"character\":\"Shopkeeper\",\"personality\":\"friendly\",\"player_input\":"
                + "\"what do you sell?\",\"disposition\":-70}");
        assertEquals("angry", refused.get("emotion"));
        assertTrue(((String) refused.get("dialogue")).contains("won't") || ((String) refused.get("dialogue")).contains("Get out"),
                (String) refused.get("dialogue"));
    }

    @Test
    void invalidData_isRefusedNamingTheField() {
        String m = assertThrows(InvalidTaskException.class, () -> executor.validate(Codec.params(
                "{\"character\":\"Guard\",\"disposition\":500}"))).getMessage();
        assertEquals("data.disposition = 500 is out of range [-100, 100]", m);
        m = assertThrows(InvalidTaskException.class, () -> executor.validate(Codec.params(
                "{\"character\":\"Guard\",\"history\":[{\"speaker\":\"bard\",\"text\":\"hi\"}]}"))).getMessage();
        assertEquals("data.history[0].speaker = \"bard\" is not one of [player, npc]", m);
        m = assertThrows(InvalidTaskException.class, () -> executor.validate(Codec.params(
                "{\"character\":\"Guard\",\"mode\":\"x\"}"))).getMessage();
        assertTrue(m.startsWith("data.mode is not a known field"), m);
    }
}
