package io.p2c2r.gamer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Summaries of the real executors' outputs for the demo's inputs: short, and saying what matters. */
class ResultSummaryTest {
    private static String summary(TaskType type, String data) {
        Map<String, Object> result = ExecutorRegistry.builtIn().find(type).orElseThrow()
                .execute(Codec.params(data), ExecutionContext.sequential());
        RawJson raw = Codec.toRaw(result);
        return ResultSummary.of(type.wireName(), Codec.tree(raw));
    }

    private static String seed(TaskType type) {
        return summary(type, type.seedData());
    }

    private static long lines(String s) {
        return s.lines().count();
    }

    @Test
    void dungeon_printsAsAGrid() {
        String s = seed(TaskType.AI_PROCEDURAL);
        assertTrue(s.contains("\n    ########\n    #..##..#\n"), s);
        assertTrue(s.contains("dungeon 8x8, seed 42: rooms 4"), s);
        assertTrue(s.contains("legend: # wall, . floor"), s);
    }

    @Test
    void physics_resultsAreAFewLines_notHundreds() {
        String rigid = seed(TaskType.PHYSICS_RIGID_BODY);
        assertTrue(lines(rigid) <= 10, rigid);
        assertTrue(rigid.contains("20 bodies (box ") && rigid.contains("... 15 more bodies"), rigid);
        String destruction = seed(TaskType.PHYSICS_DESTRUCTION);
        assertTrue(lines(destruction) <= 6, destruction);
        assertTrue(destruction.contains("100 fragments (level 1 44, level 2 56)"), destruction);
    }

    @Test
    void dialogueAndPath_sayWhatWasSaidAndFound() {
        String talk = seed(TaskType.AI_NPC_DIALOGUE);
        assertTrue(talk.startsWith("  Mira (merchant, warm): \""), talk);
        assertTrue(talk.contains("1. \"I'd like to buy something.\" (buy)"), talk);
        String path = seed(TaskType.AI_PATHFINDING);
        assertTrue(path.contains("a path of 8 cells, distance 8.243"), path);
        assertTrue(path.contains("on a 6x6 grid"), path);
    }

    @Test
    void unknownShapes_fallBackToAbbreviatedJson() {
        String s = ResultSummary.of("ai_pathfinding", Codec.tree(Codec.raw("{\"surprise\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14]}")));
        assertTrue(s.contains("\"surprise\"") && s.contains("... 2 more"), s);
        assertFalse(s.contains("14"), s);
    }
}
