package io.p2c2r.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every result counts its work in {@code work_units}, an integer never above what {@link TaskExecutor#maxWorkUnits}
 * allows for the input: on every bench case and on inputs built to do as much work as their size permits.
 */
class WorkUnitsTest {
    private static final ExecutorRegistry REGISTRY = ExecutorRegistry.builtIn();

    @Test
    void everyBenchCase_countsPositiveWorkWithinItsBound() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        for (BenchRuns.Run r : BenchRuns.fourThreads()) {
            long max = r.executor().maxWorkUnits(Codec.params(r.benchCase().data()));
            if (r.workUnits() <= 0 || r.workUnits() > max) {
                problems.add(r.key() + ": work_units " + r.workUnits() + ", max " + max);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Inputs that push each work measure towards its bound: glass everywhere, walled-in goals, piles of boxes. */
    static List<Object[]> adversarial() {
        String glass = "{\"camera\":{\"position\":[0,0,0],\"look_at\":[0,0,-1]},\"materials\":[{\"type\":\"dielectric\"}],"
                + "\"spheres\":[{\"center\":[0,0,0],\"radius\":1},{\"center\":[0,0,0],\"radius\":2},"
                + "{\"center\":[0,0,0],\"radius\":3}],\"lights\":[{\"type\":\"point\",\"position\":[0,0.5,0],"
                + "\"intensity\":[1,1,1]},{\"type\":\"area\",\"corner\":[-0.2,0.9,-0.2],\"edge_u\":[0.4,0,0],"
                + "\"edge_v\":[0,0,0.4],\"radiance\":[2,2,2]}]}";
        // the goal is walled in, so the search closes every other cell before giving up
        String walled = "{\"width\":48,\"height\":48,\"start\":[0,0],\"end\":[47,47],\"diagonal\":false,"
                + "\"obstacles\":[[46,47],[47,46]]}";
        StringBuilder agents = new StringBuilder("{\"width\":40,\"height\":40,\"obstacles\":[[38,39],[39,38]],\"agents\":[");
        for (int i = 0; i < 20; i++) {
            agents.append(i == 0 ? "" : ",").append("{\"start\":[").append(i).append(",0],\"end\":[39,39]}");
        }
        agents.append("]}");
        StringBuilder pile = new StringBuilder("{\"simulation_steps\":5,\"bodies\":[");
        for (int i = 0; i < 40; i++) {
            pile.append(i == 0 ? "" : ",").append("{\"position\":[0,").append(i % 2 == 0 ? "-1" : "0.2").append(",0]")
                    .append(i % 3 == 0 ? ",\"shape\":\"sphere\"" : "").append('}');
        }
        pile.append("]}");
        StringBuilder history = new StringBuilder("[");
        for (int i = 0; i < 32; i++) {
            history.append(i == 0 ? "" : ",").append("{\"speaker\":\"").append(i % 2 == 0 ? "player" : "npc")
                    .append("\",\"text\":\"").append("a b c d e f g h i j ".repeat(25)).append("\"}");
        }
        history.append(']');
        return List.of(
                new Object[] {TaskType.RT_REFLECTIONS, "{\"resolution\":[24,16],\"bounces\":8,\"scene\":" + glass + "}"},
                new Object[] {TaskType.RT_SHADOWS, "{\"resolution\":[24,16],\"bounces\":6,\"quality\":\"high\",\"scene\":" + glass + "}"},
                new Object[] {TaskType.RT_GLOBAL_ILLUMINATION, "{\"resolution\":[16,16],\"bounces\":16,\"samples_per_pixel\":8,\"scene\":" + glass + "}"},
                new Object[] {TaskType.AI_PATHFINDING, walled},
                new Object[] {TaskType.AI_PATHFINDING, agents.toString()},
                new Object[] {TaskType.AI_PROCEDURAL, "{\"type\":\"cave\",\"size\":[96,96],\"steps\":0,\"fill\":0.7}"},
                new Object[] {TaskType.AI_PROCEDURAL, "{\"type\":\"dungeon\",\"size\":[96,96],\"room_min\":2,\"room_max\":2,\"loops\":1000,\"preview\":true}"},
                new Object[] {TaskType.AI_PROCEDURAL, "{\"type\":\"terrain\",\"size\":[40,30],\"octaves\":10,\"island\":true,\"preview\":true,\"preview_scale\":8}"},
                new Object[] {TaskType.AI_NPC_DIALOGUE, "{\"character\":\"Shopkeeper\",\"player_input\":\"" + "\u0130".repeat(500)
                        + "\",\"history\":" + history + "}"},
                new Object[] {TaskType.PHYSICS_RIGID_BODY, pile.toString()},
                new Object[] {TaskType.PHYSICS_FLUID, "{\"grid_size\":[8,8,8],\"steps\":5,\"iterations\":60,\"viscosity\":1,\"diffusion\":1}"},
                new Object[] {TaskType.PHYSICS_FLUID, "{\"grid_size\":[8,8,8],\"steps\":5,\"iterations\":60,\"sources\":[]}"},
                new Object[] {TaskType.PHYSICS_DESTRUCTION, "{\"complexity\":120,\"fracture_depth\":4,\"simulate_steps\":10,"
                        + "\"solid\":{\"planes\":[[1,0,0,1],[-1,0,0,1],[0,1,0,2],[0,-1,0,0],[0,0,1,1],[0,0,-1,1]]}}"});
    }

    @ParameterizedTest
    @MethodSource("adversarial")
    void adversarialInput_countsWorkWithinItsBound(TaskType type, String data) {
        TaskExecutor e = REGISTRY.find(type).orElseThrow();
        Params params = Codec.params(data);
        Map<String, Object> result = e.execute(params, ExecutionContext.sequential());
        Object units = result.get(TaskExecutor.WORK_UNITS);
        assertTrue(units instanceof Long || units instanceof Integer, "work_units is an integer: " + units);
        long max = e.maxWorkUnits(params);
        assertTrue(((Number) units).longValue() > 0 && ((Number) units).longValue() <= max,
                type + ": work_units " + units + ", max " + max);
    }

    @Test
    void everyType_namesItsUnitAndHasAPrice() {
        assertEquals(TaskType.values().length, REGISTRY.all().size());
        for (TaskExecutor e : REGISTRY.all()) {
            WorkModel m = e.workModel();
            assertFalse(m.unit().isBlank(), e.type().wireName());
            assertTrue(m.picosPerUnit() > 0, e.type() + ": " + m);
        }
    }

    @Test
    void maxWorkUnits_refusesWhatValidateRefuses() {
        for (TaskExecutor e : REGISTRY.all()) {
            Params bad = Codec.params("{\"no_such_field\":1}");
            assertThrows(InvalidTaskException.class, () -> e.validate(bad), e.type().wireName());
            assertThrows(InvalidTaskException.class, () -> e.maxWorkUnits(bad), e.type().wireName());
        }
    }
}
