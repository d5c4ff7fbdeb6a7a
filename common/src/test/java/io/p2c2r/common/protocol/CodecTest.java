package io.p2c2r.common.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecTest {
    @Test
    void messages_roundTrip_withSnakeCaseFieldsAndType() {
        SubmitTask m = new SubmitTask("req-1", new TaskSpec("ai_pathfinding", Codec.raw("{\"start\":[0,0]}")), 5000L);
        String text = Codec.encode(m);
        assertTrue(text.startsWith("{\"type\":\"submit_task\",\"request_id\":\"req-1\""), text);
        assertTrue(text.contains("\"timeout_ms\":5000"), text);
        assertEquals(m, Codec.decodeClient(text));
    }

    @Test
    void serverMessages_decode() {
        String text = Codec.encode(new ExecuteTask("task_1", "ai_pathfinding", Codec.raw("{}"), "1.0.0", 1000));
        ExecuteTask e = assertInstanceOf(ExecuteTask.class, Codec.decodeServer(text));
        assertEquals("{}", e.taskData().text());
    }

    @Test
    void lenientJson_isRefused() {
        for (String bad : new String[] {"{'type':'heartbeat'}", "{type:heartbeat}", "{\"type\":\"heartbeat\"}//x",
                "{\"type\":\"heartbeat\",}", "{\"type\":\"heartbeat\"} {}", "NaN", ""}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> Codec.decodeClient(bad), bad);
            assertEquals(ErrorCodes.BAD_JSON, e.code(), bad);
        }
    }

    @Test
    void deepNesting_isRefused_beforeItCanExhaustTheStack() {
        String deep = "{\"type\":\"heartbeat\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertEquals(ErrorCodes.BAD_JSON, assertThrows(ProtocolException.class, () -> Codec.decodeClient(deep)).code());
    }

    @Test
    void missingAndInvalidFields_areNamed() {
        ProtocolException missing = assertThrows(ProtocolException.class,
                () -> Codec.decodeClient("{\"type\":\"register_gamer\"}"));
        assertEquals(ErrorCodes.MISSING_FIELD, missing.code());
        assertTrue(missing.getMessage().contains("gamer_id"), missing.getMessage());
        ProtocolException invalid = assertThrows(ProtocolException.class,
                () -> Codec.decodeClient("{\"type\":\"register_gamer\",\"gamer_id\":\"has spaces\"}"));
        assertEquals(ErrorCodes.INVALID_FIELD, invalid.code());
        ProtocolException unknown = assertThrows(ProtocolException.class, () -> Codec.decodeClient("{\"type\":\"nope\"}"));
        assertEquals(ErrorCodes.UNKNOWN_TYPE, unknown.code());
        ProtocolException status = assertThrows(ProtocolException.class, () -> Codec.decodeClient(
                "{\"type\":\"task_result\",\"task_id\":\"t\",\"status\":\"done\",\"processing_time_ms\":1}"));
        assertTrue(status.getMessage().contains("status"), status.getMessage());
    }

    @Test
    void canonicalForm_ignoresKeyOrderWhitespaceAndTrailingZeros() {
        String a = Codec.canonical(Codec.raw("{\"b\": [1.0, 2], \"a\": {\"y\": 1e1, \"x\": \"s\"}}"));
        String b = Codec.canonical(Codec.raw("{\"a\":{\"x\":\"s\",\"y\":10},\"b\":[1,2.00]}"));
        assertEquals(a, b);
        assertTrue(!a.equals(Codec.canonical(Codec.raw("{\"a\":{\"x\":\"s\",\"y\":10},\"b\":[2,1]}"))));
    }

    @Test
    void parseData_givesTheSameParamsAndCanonicalFormAsTheSeparateCalls() {
        RawJson data = Codec.raw("{\"b\":2.0,\"a\":[1,{\"y\":true}]}");
        Codec.ParsedData parsed = Codec.parseData(data);
        assertEquals(Codec.canonical(data), parsed.canonical());
        assertEquals(2, parsed.params().requireInt("b", 0, 9));
    }

    @Test
    void pretty_keepsShortArraysOfValuesOnOneLine() {
        Object tree = Codec.tree(Codec.raw("{\"path\":[[0,0],[1,1]],\"found\":true,\"rooms\":[{\"x\":1}]}"));
        assertEquals("{\n  \"path\": [[0,0],[1,1]],\n  \"found\": true,\n  \"rooms\": [\n    {\n      \"x\": 1\n    }\n  ]\n}",
                Codec.pretty(tree));
    }

    @Test
    void rawJsonFields_keepTheirValuesExactly_whenRelayed() {
        String result = "{\"path\":[[0,0],[1,1]],\"distance\":8.242640687119286,\"big\":1e-7,\"s\":\"<a&b>\",\"n\":null}";
        String frame = "{\"type\":\"task_result\",\"task_id\":\"t1\",\"status\":\"completed\",\"result\":" + result
                + ",\"result_sha256\":\"" + Codec.canonicalSha256(new RawJson(result)) + "\",\"processing_time_ms\":1.5}";
        PeerTaskResult r = (PeerTaskResult) Codec.decodeClient(frame);
        assertEquals(result, r.result().text());
    }

    @Test
    void resultDigest_isTheSameForEqualResults_andReadsWorkUnits() {
        Codec.ResultDigest a = Codec.digestResult(new RawJson("{\"b\":5.0,\"a\":[1,2],\"work_units\":12}"));
        Codec.ResultDigest b = Codec.digestResult(new RawJson("{\"work_units\":12, \"a\":[1,2],\"b\":5}"));
        assertEquals(a.sha256(), b.sha256());
        assertEquals(12L, a.workUnits());
        assertEquals(64, a.sha256().length());
        assertEquals(null, Codec.digestResult(new RawJson("{\"work_units\":-1}")).workUnits());
        assertEquals(null, Codec.digestResult(new RawJson("{\"work_units\":1.5}")).workUnits());
        assertTrue(!a.sha256().equals(Codec.digestResult(new RawJson("{\"b\":5.1,\"a\":[1,2],\"work_units\":12}")).sha256()));
    }

    @Test
    void completedResults_needAWellFormedDigest() {
        String head = "{\"type\":\"task_result\",\"task_id\":\"t1\",\"status\":\"completed\",\"result\":{},"
                + "\"processing_time_ms\":1";
        ProtocolException missing = assertThrows(ProtocolException.class, () -> Codec.decodeClient(head + "}"));
        assertEquals(ErrorCodes.MISSING_FIELD, missing.code());
        assertTrue(missing.getMessage().contains("result_sha256"), missing.getMessage());
        ProtocolException bad = assertThrows(ProtocolException.class,
                () -> Codec.decodeClient(head + ",\"result_sha256\":\"ABC\"}"));
        assertEquals(ErrorCodes.INVALID_FIELD, bad.code());
        ProtocolException metric = assertThrows(ProtocolException.class, () -> Codec.decodeClient(head
                + ",\"result_sha256\":\"" + "0".repeat(64) + "\",\"metrics\":{\"render_ms\":\"fast\"}}"));
        assertEquals(ErrorCodes.INVALID_FIELD, metric.code());
    }

    @Test
    void checkingMessages_roundTrip() {
        TaskCorrected c = new TaskCorrected("r1", "task_1", Verification.VERIFIED, Codec.raw("{\"x\":1}"), "a".repeat(64), 0);
        assertEquals(c, Codec.decodeServer(Codec.encode(c)));
        GetTask g = new GetTask("r2", "task_1");
        assertEquals(g, Codec.decodeClient(Codec.encode(g)));
        SubmitTask wait = (SubmitTask) Codec.decodeClient("{\"type\":\"submit_task\",\"request_id\":\"r\",\"task\":"
                + "{\"type\":\"ai_pathfinding\",\"data\":{}},\"verify\":\"wait\"}");
        assertTrue(wait.waitForAgreement());
        assertEquals(ErrorCodes.INVALID_FIELD, assertThrows(ProtocolException.class, () -> Codec.decodeClient(
                "{\"type\":\"submit_task\",\"request_id\":\"r\",\"task\":{\"type\":\"ai_pathfinding\",\"data\":{}},"
                        + "\"verify\":\"maybe\"}")).code());
    }

    @Test
    void resultTrees_serialise() {
        RawJson raw = Codec.toRaw(Map.of("n", 3, "list", new int[] {1, 2}));
        assertEquals(Map.of("n", new java.math.BigDecimal("3"), "list", java.util.List.of(
                new java.math.BigDecimal("1"), new java.math.BigDecimal("2"))), Codec.tree(raw));
    }

    @Test
    void capacityAndRelease_roundTrip_andAreChecked() {
        assertEquals(new Capacity(0, "paused: busy"), Codec.decodeClient("{\"type\":\"capacity\",\"slots\":0,\"reason\":\"paused: busy\"}"));
        assertEquals(new Capacity(3, null), Codec.decodeClient(Codec.encode(new Capacity(3, null))));
        assertEquals(new ReleaseTask("task_1", "stopping"), Codec.decodeClient(Codec.encode(new ReleaseTask("task_1", "stopping"))));
        ProtocolException missing = assertThrows(ProtocolException.class, () -> Codec.decodeClient("{\"type\":\"capacity\"}"));
        assertEquals(ErrorCodes.MISSING_FIELD, missing.code());
        ProtocolException negative = assertThrows(ProtocolException.class,
                () -> Codec.decodeClient("{\"type\":\"capacity\",\"slots\":-1}"));
        assertTrue(negative.getMessage().contains("slots = '-1'") && negative.getMessage().contains("[0, 256]"), negative.getMessage());
        ProtocolException noTask = assertThrows(ProtocolException.class, () -> Codec.decodeClient("{\"type\":\"release_task\"}"));
        assertTrue(noTask.getMessage().contains("task_id"), noTask.getMessage());
        ProtocolException longReason = assertThrows(ProtocolException.class,
                () -> new ReleaseTask("task_1", "x".repeat(201)));
        assertEquals(ErrorCodes.INVALID_FIELD, longReason.code());
    }

    @Test
    void submitTask_split_isAnIntegerFrom1To64() {
        String head = "{\"type\":\"submit_task\",\"request_id\":\"r\",\"task\":{\"type\":\"rt_shadows\",\"data\":{}}";
        SubmitTask ok = assertInstanceOf(SubmitTask.class, Codec.decodeClient(head + ",\"split\":8}"));
        assertEquals(8, ok.split());
        assertEquals(null, ((SubmitTask) Codec.decodeClient(head + "}")).split());
        assertEquals(ok, Codec.decodeClient(Codec.encode(ok)));
        for (String bad : new String[] {"0", "65", "2.5", "\"4\"", "true"}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> Codec.decodeClient(head + ",\"split\":" + bad + "}"), bad);
            assertEquals(ErrorCodes.INVALID_FIELD, e.code(), bad);
            assertTrue(e.getMessage().contains("split"), e.getMessage());
        }
    }

    @Test
    void taskProgress_roundTrips_andChecksItsCounts() {
        TaskProgress p = new TaskProgress("r1", "task_1", 3, 8);
        String text = Codec.encode(p);
        assertEquals("{\"type\":\"task_progress\",\"request_id\":\"r1\",\"task_id\":\"task_1\",\"tiles_done\":3,\"tiles_total\":8}", text);
        assertEquals(p, Codec.decodeServer(text));
        assertThrows(ProtocolException.class, () -> new TaskProgress("r1", "task_1", 9, 8));
        assertThrows(ProtocolException.class, () -> new TaskProgress("r1", "task_1", 0, 0));
    }
}
