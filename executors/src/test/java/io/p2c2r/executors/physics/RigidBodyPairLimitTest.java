package io.p2c2r.executors.physics;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.executors.ExecutionContext;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Input inside every documented limit whose contact pairs grow as n² (issue 9, "Work": 2,000 boxes at one point
 * took 17 s a step and 6.3 GB) is refused: before any work when the bodies start piled up, at the step where it
 * happens when they meet later.
 */
class RigidBodyPairLimitTest {
    /**
     * {@code count} bodies all at the origin, or spread on a sphere of radius 50 m, each moving at 1,000 m/s towards
     * the centre: they pass no one on the way (2.4 m apart one step before) and all arrive after 3 steps of 1/60 s.
     */
    private static String bodies(int count, boolean atOnePoint) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double y = 1 - 2 * (i + 0.5) / count; // a Fibonacci sphere
            double r = Math.sqrt(1 - y * y);
            double phi = Math.PI * (3 - Math.sqrt(5)) * i;
            double[] p = atOnePoint ? new double[3] : new double[] {50 * r * Math.cos(phi), 50 * y, 50 * r * Math.sin(phi)};
            b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"shape\":\"%s\",\"position\":[%.9f,%.9f,%.9f],\"velocity\":[%.9f,%.9f,%.9f]}",
                    atOnePoint ? "box" : "sphere", p[0], p[1], p[2], -20 * p[0], -20 * p[1], -20 * p[2]));
        }
        return "{\"bodies\":[" + b + "],\"simulation_steps\":200,\"ground\":false,\"gravity\":[0,0,0]}";
    }

    @Test
    void twoThousandBoxesAtOnePoint_areRefusedBeforeAnyWork() {
        String msg = assertThrows(InvalidTaskException.class,
                () -> new RigidBodyExecutor().validate(Codec.params(bodies(2000, true)))).getMessage();
        assertTrue(msg.startsWith("data.bodies:") && msg.contains("at their initial poses") && msg.contains("64000"), msg);
    }

    @Test
    void bodiesThatConvergeOnOnePoint_areStoppedAtTheStepWherePairsExplode() {
        String data = bodies(600, false);
        new RigidBodyExecutor().validate(Codec.params(data)); // spread out at the start: accepted
        String msg = assertThrows(InvalidTaskException.class,
                () -> new RigidBodyExecutor().execute(Codec.params(data), ExecutionContext.sequential())).getMessage();
        assertTrue(msg.startsWith("data.bodies:") && msg.contains("at step 4") && msg.contains("19200"), msg);
    }

    @Test
    void workBound_countsNoMorePairsThanTheWorldAllows() {
        // 2,000 bodies could make 1,999,000 pairs a step, each worth at least 36 units; the world stops at 64,000
        long bound = new RigidBodyExecutor().maxWorkUnits(Codec.params("{\"num_objects\":2000,\"simulation_steps\":10}"));
        long allPairs = 11 * 1_999_000L * 36;
        assertTrue(bound * 10 < allPairs, "bound " + bound + " vs " + allPairs);
    }
}
