package io.p2c2r.executors.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchRunnerTest {
    /** A trivial executor whose second case has a name longer than the default column. */
    private static final TaskExecutor LONG_NAMES = new TaskExecutor() {
        @Override
        public TaskType type() {
            return TaskType.AI_PATHFINDING;
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public void validate(Params data) {
        }

        @Override
        public Map<String, Object> execute(Params data, ExecutionContext ctx) {
            return Map.of("ok", true, TaskExecutor.WORK_UNITS, 1);
        }

        @Override
        public long maxWorkUnits(Params data) {
            return 1;
        }

        @Override
        public WorkModel workModel() {
            return new WorkModel("steps", 1_000, 0);
        }

        @Override
        public List<BenchCase> benchCases() {
            return List.of(new BenchCase("seed", "{}"), new BenchCase("a case name well over twenty-eight characters", "{}"));
        }
    };

    @Test
    void longCaseNames_widenTheColumn_soTheFiguresStayAligned() {
        StringWriter text = new StringWriter();
        new BenchRunner(new ExecutorRegistry(List.of(LONG_NAMES)), new PrintWriter(text)).run(Set.of(), 1,
                ExecutionContext.sequential());
        List<String> lines = text.toString().lines().toList();
        assertEquals(3, lines.size(), text.toString());
        int column = lines.get(0).indexOf("runs") + "runs".length();
        for (String line : lines.subList(1, 3)) {
            assertEquals('1', line.charAt(column - 1), "the runs figure ends under its heading: \n" + text);
        }
    }
}
