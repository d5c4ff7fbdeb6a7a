package io.p2c2r.common.protocol;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a peer offers: its cores, how many tasks it runs at once ({@code slots}), and for each task type
 * it runs, the algorithm version. {@code benchmark} optionally maps task type to a measured median in ms.
 */
public record Capabilities(int cores, int slots, Map<String, String> tasks, String platform,
                           String softwareVersion, Map<String, Double> benchmark) {
    public static final int MAX_SLOTS = 256;
    public static final int MAX_TASK_TYPES = 64;

    public Capabilities {
        if (cores < 1 || cores > 4096) {
            throw ProtocolException.invalid("capabilities.cores", cores, "must be in [1, 4096]");
        }
        if (slots < 1 || slots > MAX_SLOTS) {
            throw ProtocolException.invalid("capabilities.slots", slots, "must be in [1, " + MAX_SLOTS + "]");
        }
        if (tasks == null) {
            throw ProtocolException.missing("capabilities.tasks");
        }
        if (tasks.size() > MAX_TASK_TYPES) {
            throw ProtocolException.invalid("capabilities.tasks", tasks.size() + " entries", "may list at most "
                    + MAX_TASK_TYPES + " task types");
        }
        tasks.forEach((type, version) -> {
            Ids.text("capabilities.tasks key", type, 64);
            Ids.text("capabilities.tasks." + type, version, 64);
        });
        tasks = new TreeMap<>(tasks);
        platform = platform == null ? "unknown" : Ids.text("capabilities.platform", platform, 200);
        softwareVersion = softwareVersion == null ? "unknown" : Ids.text("capabilities.software_version", softwareVersion, 64);
        benchmark = benchmark == null ? Map.of() : new TreeMap<>(benchmark);
        if (benchmark.size() > MAX_TASK_TYPES) {
            throw ProtocolException.invalid("capabilities.benchmark", benchmark.size() + " entries", "may list at most "
                    + MAX_TASK_TYPES);
        }
    }
}
