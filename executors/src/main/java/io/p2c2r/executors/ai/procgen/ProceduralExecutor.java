package io.p2c2r.executors.ai.procgen;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import java.util.List;
import java.util.Map;

/**
 * {@code ai_procedural}: seeded maps of three kinds: BSP dungeons, cellular-automaton caves and fBm
 * terrain with biomes, each with an optional PNG preview. Stateless; safe from any thread.
 */
public final class ProceduralExecutor implements TaskExecutor {
    @Override
    public TaskType type() {
        return TaskType.AI_PROCEDURAL;
    }

    @Override
    public String version() {
        return "1.1.0"; // 1.1.0: previews from the shared PNG encoder (filtered, LZ77, dynamic Huffman)
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
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        Object spec = parse(data);
        if (spec instanceof Terrain.Spec t) {
            return MapResults.terrain(Terrain.generate(t, ctx), t);
        }
        if (spec instanceof Cave.Spec c) {
            return MapResults.cave(Cave.generate(c, ctx), c.common());
        }
        Dungeon.Spec d = (Dungeon.Spec) spec;
        return MapResults.dungeon(Dungeon.generate(d, ctx), d.common());
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
