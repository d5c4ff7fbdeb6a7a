package io.p2c2r.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PeerMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new PeerMain());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void withoutCloudIp_itSaysWhatIsMissing() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("--cloud-ip"), err.toString());
    }

    @Test
    void bench_printsAFigureForTheSeedExample() {
        assertEquals(0, run("bench", "--runs", "1", "--seed-only", "ai_pathfinding"));
        assertTrue(out.toString().contains("ai_pathfinding"), out.toString());
        assertTrue(out.toString().contains("seed"), out.toString());
    }

    @Test
    void bench_printsWorkUnitsAndTimePerUnit() {
        assertEquals(0, run("bench", "--runs", "1", "--seed-only", "ai_pathfinding"));
        assertTrue(out.toString().contains("work units") && out.toString().contains("ns/unit"), out.toString());
    }

    @Test
    void benchCalibrate_printsTheBuiltInPriceAndTheFittedOnes() {
        assertEquals(0, run("bench", "--calibrate", "--runs", "1", "ai_npc_dialogue"));
        String text = out.toString();
        assertTrue(text.contains("built-in model:") && text.contains("fit, per unit (median):")
                && text.contains("fit, per unit + per task:") && text.contains("ps/unit"), text);
        assertTrue(text.contains("measured/billed") && text.contains("with history"), text);
    }

    @Test
    void bench_withAnUnknownType_isAUsageError() {
        assertEquals(2, run("bench", "nonsense"));
    }
}
