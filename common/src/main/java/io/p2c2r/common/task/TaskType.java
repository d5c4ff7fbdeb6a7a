package io.p2c2r.common.task;

import java.util.Arrays;
import java.util.Optional;

/**
 * The nine kinds of game work, with their wire names, menu labels and the original demo's example data.
 * Immutable; safe from any thread.
 */
public enum TaskType {
    AI_NPC_DIALOGUE("ai_npc_dialogue", "AI: NPC Dialogue",
            "{\"character\":\"Shopkeeper\",\"context\":\"greeting\",\"personality\":\"friendly\"}"),
    AI_PATHFINDING("ai_pathfinding", "AI: Pathfinding",
            "{\"start\":[0,0],\"end\":[5,5],\"obstacles\":[[2,2]]}"),
    AI_PROCEDURAL("ai_procedural", "AI: Procedural Generation",
            "{\"type\":\"dungeon\",\"size\":[8,8],\"seed\":42}"),
    RT_REFLECTIONS("rt_reflections", "RT: Reflections",
            "{\"resolution\":[1920,1080],\"bounces\":2,\"lights\":2}"),
    RT_SHADOWS("rt_shadows", "RT: Shadows",
            "{\"quality\":\"medium\",\"lights\":3}"),
    RT_GLOBAL_ILLUMINATION("rt_global_illumination", "RT: Global Illumination",
            "{\"bounces\":2,\"samples_per_pixel\":100}"),
    PHYSICS_RIGID_BODY("physics_rigid_body", "Physics: Rigid Body",
            "{\"num_objects\":20,\"simulation_steps\":5}"),
    PHYSICS_FLUID("physics_fluid", "Physics: Fluid",
            "{\"grid_size\":[32,32,32],\"iterations\":10}"),
    PHYSICS_DESTRUCTION("physics_destruction", "Physics: Destruction",
            "{\"complexity\":100,\"fracture_depth\":2}");

    private final String wireName;
    private final String label;
    private final String seedData;

    TaskType(String wireName, String label, String seedData) {
        this.wireName = wireName;
        this.label = label;
        this.seedData = seedData;
    }

    /** The name used on the wire and in the database, e.g. {@code ai_pathfinding}. */
    public String wireName() {
        return wireName;
    }

    /** The gamer menu's label, e.g. {@code AI: Pathfinding}. */
    public String label() {
        return label;
    }

    /** The original demo's example task data, as JSON text. */
    public String seedData() {
        return seedData;
    }

    public static Optional<TaskType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
