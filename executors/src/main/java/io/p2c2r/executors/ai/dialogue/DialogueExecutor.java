package io.p2c2r.executors.ai.dialogue;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;
import java.util.List;
import java.util.Map;

/**
 * {@code ai_npc_dialogue}: an NPC's next line from its role, personality, mood and the conversation so
 * far, with the player's intent found by a naive Bayes classifier trained (once, lazily) on utterances
 * shipped in the jar. Stateless; safe from any thread.
 */
public final class DialogueExecutor implements TaskExecutor {
    /** Priced on one thread of the reference machine: {@code peer.jar bench --calibrate}, docs/TASKS.md "Work and price". */
    private static final WorkModel WORK_MODEL = new WorkModel("dialogue steps (" + IntentModel.CHAR_UNITS
            + " per character of a line classified, 1 per distinct feature scored and per template line filled or searched)",
            91_700, 9_600_000);

    @Override
    public TaskType type() {
        return TaskType.AI_NPC_DIALOGUE;
    }

    @Override
    public String version() {
        return "2.0.0"; // 2.0.0: work_units in the result
    }

    @Override
    public void validate(Params data) {
        DialogueRequest.parse(data);
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        DialogueRequest r = DialogueRequest.parse(data);
        return new DialogueEngine(IntentModel.shipped(), LineBank.shipped()).answer(r);
    }

    @Override
    public long maxWorkUnits(Params data) {
        return DialogueEngine.maxWork(DialogueRequest.parse(data), LineBank.shipped());
    }

    @Override
    public WorkModel workModel() {
        return WORK_MODEL;
    }

    @Override
    public List<BenchCase> benchCases() {
        StringBuilder history = new StringBuilder();
        String[] turns = {"player", "Hello there!", "npc", "Welcome, welcome!", "player", "I'd like to buy a sword",
            "npc", "That sword costs 40 gold.", "player", "That's too expensive", "npc", "Fine, 32 gold, just for you."};
        for (int i = 0; i < turns.length; i += 2) {
            history.append(i == 0 ? "" : ",").append("{\"speaker\":\"").append(turns[i]).append("\",\"text\":\"")
                    .append(turns[i + 1]).append("\"}");
        }
        return List.of(
                new BenchCase("seed", type().seedData()),
                new BenchCase("player line", "{\"character\":\"Blacksmith\",\"personality\":\"grumpy\","
                        + "\"player_input\":\"how much for that shield?\",\"seed\":3}"),
                new BenchCase("with history", "{\"character\":\"Shopkeeper\",\"personality\":\"friendly\","
                        + "\"player_input\":\"come on, lower the price\",\"history\":[" + history + "],\"seed\":5}"));
    }
}
