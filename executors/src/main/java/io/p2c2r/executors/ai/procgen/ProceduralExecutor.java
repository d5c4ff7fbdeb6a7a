package io.p2c2r.executors.ai.procgen;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;
import java.util.List;
import java.util.Map;

/**
 * {@code ai_procedural}: seeded maps of three kinds: BSP dungeons, cellular-automaton caves and fBm
 * terrain with biomes, each with an optional PNG preview. Stateless; safe from any thread.
 */
public final class ProceduralExecutor implements TaskExecutor {
    /** Priced on one thread of the reference machine: {@code peer.jar bench --calibrate}, docs/TASKS.md "Work and price". */
    private static final WorkModel WORK_MODEL = new WorkModel(MapWork.UNIT, 7_900, 12_900_000);

    @Override
    public TaskType type() {
        return TaskType.AI_PROCEDURAL;
    }

    @Override
    public String version() {
        // 1.1.0: previews from the shared PNG encoder; 2.0.0: work_units, and an island's rim is sea on all four edges
        return "2.0.0";
    }

    @Override
    public void validate(Params data) {
        parse(data);
    }

    private static Object parse(Params data) {
        return switch (data.oneOf("type", "dungeon", "dungeon", "terrain", "cave")) {
            case "terrain" -> Terrain.Spec.parse(data);
            case "cave" -> Cave.Spec.parse(data);
            default -> Dungeon.Spec.parse(data);
        };
    }

    @Override
    public long maxWorkUnits(Params data) {
        return MapWork.max(parse(data));
    }

    @Override
    public WorkModel workModel() {
        return WORK_MODEL;
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        Object spec = parse(data);
        Map<String, Object> out;
        if (spec instanceof Terrain.Spec t) {
            out = MapResults.terrain(Terrain.generate(t, ctx), t);
            out.put(WORK_UNITS, MapWork.terrain(t));
        } else if (spec instanceof Cave.Spec c) {
            Cave cave = Cave.generate(c, ctx);
            out = MapResults.cave(cave, c.common());
            out.put(WORK_UNITS, MapWork.cave(cave, c));
        } else {
            Dungeon.Spec d = (Dungeon.Spec) spec;
            Dungeon dungeon = Dungeon.generate(d, ctx);
            out = MapResults.dungeon(dungeon, d.common());
            out.put(WORK_UNITS, MapWork.dungeon(dungeon, d.common()));
        }
        return out;
    }

    @Override
    public List<BenchCase> benchCases() {
        return List.of(
                new BenchCase("seed", type().seedData()),
                new BenchCase("dungeon 512x512", "{\"type\":\"dungeon\",\"size\":[512,512],\"seed\":7}"),
                new BenchCase("cave 512x512", "{\"type\":\"cave\",\"size\":[512,512],\"seed\":7}"),
                new BenchCase("terrain 512x512", "{\"type\":\"terrain\",\"size\":[512,512],\"seed\":7}"),
                new BenchCase("terrain 512x512 + png", "{\"type\":\"terrain\",\"size\":[512,512],\"seed\":7,"
                        + "\"island\":true,\"preview\":true,\"preview_scale\":2}"));
    }
}
