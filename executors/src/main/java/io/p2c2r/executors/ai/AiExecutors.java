package io.p2c2r.executors.ai;

import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.ai.dialogue.DialogueExecutor;
import io.p2c2r.executors.ai.pathfinding.PathfindingExecutor;
import io.p2c2r.executors.ai.procgen.ProceduralExecutor;
import java.util.List;

/** The executors of this family that have landed: NPC dialogue, pathfinding and procedural generation. */
public final class AiExecutors {
    private AiExecutors() {}

    public static List<TaskExecutor> all() {
        return List.of(new DialogueExecutor(), new PathfindingExecutor(), new ProceduralExecutor());
    }
}
