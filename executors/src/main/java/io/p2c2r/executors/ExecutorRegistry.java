package io.p2c2r.executors;

import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ai.AiExecutors;
import io.p2c2r.executors.physics.PhysicsExecutors;
import io.p2c2r.executors.raytrace.RayTraceExecutors;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The algorithms this build ships, by task type. Immutable and thread-safe. */
public final class ExecutorRegistry {
    private final Map<TaskType, TaskExecutor> byType;

    public ExecutorRegistry(Collection<? extends TaskExecutor> executors) {
        Map<TaskType, TaskExecutor> map = new EnumMap<>(TaskType.class);
        for (TaskExecutor e : executors) {
            if (map.put(e.type(), e) != null) {
                throw new IllegalArgumentException("two executors for task type " + e.type());
            }
        }
        this.byType = Collections.unmodifiableMap(map);
    }

    /** Every algorithm that has landed in this build. */
    public static ExecutorRegistry builtIn() {
        List<TaskExecutor> all = new java.util.ArrayList<>();
        all.addAll(AiExecutors.all());
        all.addAll(RayTraceExecutors.all());
        all.addAll(PhysicsExecutors.all());
        return new ExecutorRegistry(all);
    }

    public Optional<TaskExecutor> find(TaskType type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Collection<TaskExecutor> all() {
        return byType.values();
    }

    /** Wire name to algorithm version, as a peer declares in its capabilities. */
    public Map<String, String> versions() {
        Map<String, String> out = new TreeMap<>();
        byType.forEach((type, e) -> out.put(type.wireName(), e.version()));
        return out;
    }
}
