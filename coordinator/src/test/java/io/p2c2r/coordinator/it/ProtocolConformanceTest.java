package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.p2c2r.executors.ExecutorRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance of the coordinator to docs/PROTOCOL.md, written from the document alone: every frame sent
 * here is hand-written JSON and every reply is read as plain JSON, not through the project's records.
 */
class ProtocolConformanceTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Pattern MONEY = Pattern.compile("^-?\\d+\\.\\d{9}$");
    static final String PATH_TASK = "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[5,5],\"obstacles\":[[2,2]]}}";
    /** The version this build's coordinator routes pathfinding at; a raw peer must declare it. */
    static final String PATHFINDING_VERSION = ExecutorRegistry.builtIn().versions().get("ai_pathfinding");
    static final String PEER_CAPS = "{\"cores\":1,\"slots\":%d,\"tasks\":{\"ai_pathfinding\":\""
            + PATHFINDING_VERSION + "\"},"
            + "\"platform\":\"test\",\"software_version\":\"0.1.0\"}";

    @TempDir
    Path dir;
    TestNetwork net;
    final List<Wire> wires = new ArrayList<>();

    @BeforeEach
    void start() {
        net = new TestNetwork(dir);
    }

    @AfterEach
    void stop() throws Exception {
        for (Wire w : wires) {
            try {
                w.closeBlocking();
            } catch (Exception ignored) {
                // closed already
            }
        }
        net.close();
    }

    // ---------------------------------------------------------------- a raw JSON client

    /** A WebSocket client that sends text written by hand and reads every reply as a JSON object. */
    static class Wire extends WebSocketClient {
        final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

        Wire(int port) {
            super(URI.create("ws://127.0.0.1:" + port + "/any/path"));
        }

        /** The next message matching {@code p}; messages before it are skipped (and returned in {@code skipped}). */
        JsonObject await(Predicate<JsonObject> p, List<JsonObject> skipped) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (true) {
                long left = end - System.nanoTime();
                String text = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                if (text == null) {
                    throw new AssertionError("no matching message within " + WAIT + "; skipped " + skipped);
                }
                JsonObject o = JsonParser.parseString(text).getAsJsonObject();
                if (p.test(o)) {
                    return o;
                }
                skipped.add(o);
            }
        }

        JsonObject await(String type) throws InterruptedException {
            return await(o -> type.equals(str(o, "type")), new ArrayList<>());
        }

        JsonObject next() throws InterruptedException {
            return await(o -> true, new ArrayList<>());
        }

        int awaitClose() throws Exception {
            return closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            inbox.add(message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            inbox.add("{\"type\":\"__binary_from_server__\"}");
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closeCode.complete(code);
        }

        @Override
        public void onError(Exception ex) {
        }
    }

    Wire wire() throws InterruptedException {
        Wire w = new Wire(net.port());
        assertTrue(w.connectBlocking(10, TimeUnit.SECONDS), "connect");
        wires.add(w);
        return w;
    }

    /** A completed task_result frame with its result_sha256 (SHA-256 of the result's canonical JSON) added. */
    static String sealed(String frame) {
        JsonObject o = JsonParser.parseString(frame).getAsJsonObject();
        if (o.has("result") && !o.has("result_sha256")) {
            o.addProperty("result_sha256", io.p2c2r.common.protocol.Codec.canonicalSha256(
                    new io.p2c2r.common.protocol.RawJson(o.get("result").toString())));
        }
        return o.toString();
    }

    static String str(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    static void assertMoney(JsonObject o, String field) {
        JsonElement e = o.get(field);
        assertTrue(e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString(), field + " must be a string: " + o);
        assertTrue(MONEY.matcher(e.getAsString()).matches(), field + " must have 9 decimals: " + e);
    }

    static long nanosOf(String dollars) {
        return new BigDecimal(dollars).movePointRight(9).longValueExact();
    }

    JsonObject registerGamer(Wire w, String id, String tokenOrNull) throws InterruptedException {
        w.send("{\"type\":\"register_gamer\",\"gamer_id\":\"" + id + "\""
                + (tokenOrNull == null ? "" : ",\"token\":\"" + tokenOrNull + "\"") + "}");
        return w.next();
    }

    JsonObject registerPeer(Wire w, String id, String tokenOrNull, int slots) throws InterruptedException {
        w.send("{\"type\":\"register_peer\",\"peer_id\":\"" + id + "\""
                + (tokenOrNull == null ? "" : ",\"token\":\"" + tokenOrNull + "\"")
                + ",\"capabilities\":" + PEER_CAPS.formatted(slots) + "}");
        return w.next();
    }

    Wire gamer(String id) throws InterruptedException {
        Wire w = wire();
        JsonObject r = registerGamer(w, id, null);
        assertEquals("registered", str(r, "type"), r.toString());
        return w;
    }

    static String submit(String requestId, String task, String extra) {
        return "{\"type\":\"submit_task\",\"request_id\":\"" + requestId + "\",\"task\":" + task + extra + "}";
    }

    static Predicate<JsonObject> about(String requestId) {
        return o -> requestId.equals(str(o, "request_id"));
    }

    static Predicate<JsonObject> resultFor(String requestId) {
        return o -> "task_result".equals(str(o, "type")) && requestId.equals(str(o, "request_id"));
    }

    static void assertError(JsonObject o, String code) {
        assertEquals("error", str(o, "type"), o.toString());
        assertEquals(code, str(o, "code"), o.toString());
        assertTrue(o.has("message") && !o.get("message").getAsString().isEmpty(), "error has a message: " + o);
    }

    // ---------------------------------------------------------------- frames

    @Test
    void binaryFrame_isRefusedWithBadJson_andConnectionStaysOpen() throws Exception {
        Wire w = wire();
        w.send("{\"type\":\"register_gamer\",\"gamer_id\":\"g_bin\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertError(w.next(), "bad_json");
        assertEquals("registered", str(registerGamer(w, "g_bin", null), "type"));
    }

    @Test
    void strictParsing_refusesLaxJson_andConnectionStaysOpen() throws Exception {
        Wire w = wire();
        for (String bad : List.of(
                "{\"type\":\"register_gamer\",\"gamer_id\":\"g1\" /* c */}",
                "{'type':'register_gamer','gamer_id':'g1'}",
                "{type:\"register_gamer\",gamer_id:\"g1\"}",
                "{\"type\":\"register_gamer\",\"gamer_id\":\"g1\",}",
                "{\"type\":\"register_gamer\",\"gamer_id\":\"g1\"} {}",
                "[\"register_gamer\"]",
                "\"register_gamer\"")) {
            w.send(bad);
            assertError(w.next(), "bad_json");
        }
        assertEquals("registered", str(registerGamer(w, "g1", null), "type"));
    }

    @Test
    void nesting_64DeepIsAccepted_65DeepIsBadJson() throws Exception {
        Wire w = wire();
        // The outer object is depth 1, so 63 arrays inside make 64 levels.
        String deep64 = "[".repeat(63) + "]".repeat(63);
        String deep65 = "[".repeat(64) + "]".repeat(64);
        w.send("{\"type\":\"register_gamer\",\"gamer_id\":\"g_deep\",\"x\":" + deep65 + "}");
        assertError(w.next(), "bad_json");
        w.send("{\"type\":\"register_gamer\",\"gamer_id\":\"g_deep\",\"x\":" + deep64 + "}");
        assertEquals("registered", str(w.next(), "type"));
    }

    @Test
    void unknownFieldsInProtocolMessages_areIgnored() throws Exception {
        Wire w = wire();
        w.send("{\"type\":\"register_gamer\",\"gamer_id\":\"g_fwd\",\"future_field\":{\"a\":[1,2]},\"z\":7}");
        JsonObject r = w.next();
        assertEquals("registered", str(r, "type"), r.toString());
    }

    @Test
    void unknownFieldsInTaskData_areRefusedAsInvalidTask() throws Exception {
        net.peer("p_unk", 1);
        Wire g = gamer("g_unk");
        g.send(submit("r1", "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[5,5],\"colour\":\"red\"}}", ""));
        JsonObject r = g.await(resultFor("r1"), new ArrayList<>());
        assertEquals("error", str(r, "status"), r.toString());
        assertEquals("invalid_task", str(r, "code"), r.toString());
    }

    @Test
    void oversizedFrame_closes1009_otherConnectionsUnaffected() throws Exception {
        Wire other = gamer("g_other");
        Wire w = wire();
        StringBuilder sb = new StringBuilder(16 * 1024 * 1024 + 64);
        sb.append("{\"type\":\"register_gamer\",\"gamer_id\":\"g_big\",\"x\":\"");
        sb.append("a".repeat(16 * 1024 * 1024));
        sb.append("\"}");
        w.send(sb.toString());
        // The coordinator answers 1009 after the frame header; a client still writing the payload may see the
        // reset of the closed socket (1006) before it reads that close frame.
        int code = w.awaitClose();
        assertTrue(code == 1009 || code == 1006, "close code " + code);
        other.send(submit("r1", "{\"type\":\"no_such_type\",\"data\":{}}", ""));
        assertEquals("unknown_task_type", str(other.await(resultFor("r1"), new ArrayList<>()), "code"));
    }

    @Test
    void moreThan100RefusedMessages_close1008() throws Exception {
        Wire w = wire();
        for (int i = 0; i < 100; i++) {
            w.send("not json " + i);
        }
        for (int i = 0; i < 100; i++) {
            assertError(w.next(), "bad_json");
        }
        // still open and usable after exactly 100 refusals
        assertEquals("registered", str(registerGamer(w, "g_bad100", null), "type"));
        w.send("not json 101");
        assertError(w.next(), "bad_json");
        assertEquals(1008, w.awaitClose());
    }

    @Test
    void unknownType_isUnknownType() throws Exception {
        Wire w = wire();
        w.send("{\"type\":\"teleport\"}");
        assertError(w.next(), "unknown_type");
        w.send("{\"no_type\":1}");
        JsonObject r = w.next();
        assertEquals("error", str(r, "type"), r.toString());
    }

    // ---------------------------------------------------------------- registration

    @Test
    void registerGamer_replyHasDocumentedFields() throws Exception {
        Wire w = wire();
        JsonObject r = registerGamer(w, "gamer_PC_1", null);
        assertEquals("registered", str(r, "type"), r.toString());
        assertEquals("gamer", str(r, "role"));
        assertEquals("gamer_PC_1", str(r, "id"));
        String token = str(r, "token");
        assertTrue(token != null && token.length() >= 1 && token.length() <= 128, "token 1-128: " + token);
        assertMoney(r, "peer_rate_usd_per_hour");
        assertMoney(r, "gamer_rate_usd_per_hour");
        assertTrue(r.has("fee_percent"), r.toString());
        assertTrue(r.has("server_version"), r.toString());
        assertMoney(r, "total_usd");
        assertEquals("0.000000000", str(r, "total_usd"));
    }

    @Test
    void registerPeer_replyHasDocumentedFields() throws Exception {
        Wire w = wire();
        JsonObject r = registerPeer(w, "peer_MacBook_1733521234", null, 2);
        assertEquals("registered", str(r, "type"), r.toString());
        assertEquals("peer", str(r, "role"));
        assertEquals("peer_MacBook_1733521234", str(r, "id"));
        assertTrue(str(r, "token") != null && !str(r, "token").isEmpty());
        assertMoney(r, "peer_rate_usd_per_hour");
        assertMoney(r, "gamer_rate_usd_per_hour");
        assertMoney(r, "total_usd");
    }

    @Test
    void clientToken_ofAtLeast16Chars_becomesTheSecret() throws Exception {
        String token = "my-own-secret-token-123";
        Wire a = wire();
        JsonObject r = registerGamer(a, "g_tok", token);
        assertEquals("registered", str(r, "type"), r.toString());
        assertEquals(token, str(r, "token"));
        Wire b = wire();
        JsonObject r2 = registerGamer(b, "g_tok", token);
        assertEquals("registered", str(r2, "type"), r2.toString());
    }

    @Test
    void clientToken_shorterThan16_isRefused_authFailed_closed1008() throws Exception {
        Wire a = wire();
        assertError(registerGamer(a, "g_short", "short"), "auth_failed");
        assertEquals(1008, a.awaitClose());
        // the id was not created: a fresh connection can still claim it
        Wire b = wire();
        assertEquals("registered", str(registerGamer(b, "g_short", null), "type"));
    }

    @Test
    void existingId_withoutToken_isAuthFailed_andClosed1008() throws Exception {
        Wire a = wire();
        assertEquals("registered", str(registerGamer(a, "g_auth", null), "type"));
        Wire b = wire();
        assertError(registerGamer(b, "g_auth", null), "auth_failed");
        assertEquals(1008, b.awaitClose());
    }

    @Test
    void existingId_withWrongToken_isAuthFailed_andClosed1008() throws Exception {
        Wire a = wire();
        assertEquals("registered", str(registerPeer(a, "p_auth", null, 1), "type"));
        Wire b = wire();
        assertError(registerPeer(b, "p_auth", "wrong-token-wrong-token", 1), "auth_failed");
        assertEquals(1008, b.awaitClose());
    }

    @Test
    void secondRegistration_onSameConnection_isAlreadyRegistered() throws Exception {
        Wire w = gamer("g_twice");
        assertError(registerGamer(w, "g_twice_other", null), "already_registered");
        assertFalse(w.closeCode.isDone());
    }

    @Test
    void messageBeforeRegistration_isNotRegistered() throws Exception {
        Wire w = wire();
        w.send(submit("r1", PATH_TASK, ""));
        JsonObject e = w.next();
        assertError(e, "not_registered");
        w.send(sealed("{\"type\":\"task_result\",\"task_id\":\"t1\",\"status\":\"completed\",\"result\":{},\"processing_time_ms\":1}"));
        assertError(w.next(), "not_registered");
    }

    @Test
    void heartbeat_beforeRegistration_isNotRegistered_andFromGamer_isWrongRole() throws Exception {
        Wire w = wire();
        w.send("{\"type\":\"heartbeat\",\"running\":0}");
        assertError(w.next(), "not_registered");
        Wire g = gamer("g_hb");
        g.send("{\"type\":\"heartbeat\",\"running\":0}");
        assertError(g.next(), "wrong_role");
    }

    @Test
    void wrongRole_gamerSendsPeerMessage_andPeerSendsGamerMessage() throws Exception {
        Wire g = gamer("g_role");
        g.send(sealed("{\"type\":\"task_result\",\"task_id\":\"t1\",\"status\":\"completed\",\"result\":{},\"processing_time_ms\":1}"));
        assertError(g.next(), "wrong_role");
        Wire p = wire();
        assertEquals("registered", str(registerPeer(p, "p_role", null, 1), "type"));
        p.send(submit("r1", PATH_TASK, ""));
        assertError(p.next(), "wrong_role");
    }

    @Test
    void identifiers_outsideTheAlphabetOrTooLong_areRefused() throws Exception {
        Wire w = wire();
        assertError(registerGamer(w, "bad id", null), "invalid_field");
        assertError(registerGamer(w, "x".repeat(65), null), "invalid_field");
        assertError(registerGamer(w, "g_ok", "t".repeat(129)), "invalid_field");
        JsonObject ok = registerGamer(w, "A-z0_9.:@-" + "x".repeat(54), null);
        assertEquals("registered", str(ok, "type"), ok.toString());
    }

    @Test
    void capabilities_outOfRange_areInvalidField() throws Exception {
        Wire w = wire();
        w.send("{\"type\":\"register_peer\",\"peer_id\":\"p_caps\",\"capabilities\":{\"cores\":0,\"slots\":1,\"tasks\":{}}}");
        assertError(w.next(), "invalid_field");
        w.send("{\"type\":\"register_peer\",\"peer_id\":\"p_caps\",\"capabilities\":{\"cores\":1,\"slots\":257,\"tasks\":{}}}");
        assertError(w.next(), "invalid_field");
        w.send("{\"type\":\"register_peer\",\"peer_id\":\"p_caps\",\"capabilities\":{\"cores\":4097,\"slots\":1,\"tasks\":{}}}");
        assertError(w.next(), "invalid_field");
        w.send("{\"type\":\"register_peer\",\"peer_id\":\"p_caps\"}");
        assertError(w.next(), "missing_field");
    }

    @Test
    void peerReRegistering_replacesOldConnection_closed1008() throws Exception {
        Wire a = wire();
        JsonObject r = registerPeer(a, "p_repl", null, 1);
        String token = str(r, "token");
        Wire b = wire();
        assertEquals("registered", str(registerPeer(b, "p_repl", token, 1), "type"));
        assertEquals(1008, a.awaitClose());
        assertFalse(b.closeCode.isDone());
    }

    @Test
    void gamerId_mayHoldSeveralConnections() throws Exception {
        Wire a = wire();
        String token = str(registerGamer(a, "g_multi", null), "token");
        Wire b = wire();
        assertEquals("registered", str(registerGamer(b, "g_multi", token), "type"));
        a.send(submit("ra", "{\"type\":\"no_such_type\",\"data\":{}}", ""));
        b.send(submit("rb", "{\"type\":\"no_such_type\",\"data\":{}}", ""));
        assertEquals("unknown_task_type", str(a.await(resultFor("ra"), new ArrayList<>()), "code"));
        assertEquals("unknown_task_type", str(b.await(resultFor("rb"), new ArrayList<>()), "code"));
        assertFalse(a.closeCode.isDone());
    }

    // ---------------------------------------------------------------- submitting work

    @Test
    void submitTask_repliesInOrder_acceptedThenExactlyOneResult() throws Exception {
        net.peer("peer_one", 2);
        Wire g = gamer("g_order");
        g.send(submit("r42", PATH_TASK, ",\"timeout_ms\":30000"));
        List<JsonObject> before = new ArrayList<>();
        JsonObject result = g.await(resultFor("r42"), before);
        String taskId = str(result, "task_id");
        assertTrue(taskId != null && taskId.matches("[A-Za-z0-9_.:@-]{1,64}"), result.toString());
        for (JsonObject m : before) {
            assertEquals("task_accepted", str(m, "type"), "only task_accepted before task_result: " + m);
            assertEquals("r42", str(m, "request_id"));
            assertEquals(taskId, str(m, "task_id"));
            assertTrue(List.of("queued", "running").contains(str(m, "status")), m.toString());
            if ("running".equals(str(m, "status"))) {
                assertEquals("peer_one", str(m, "peer_id"), m.toString());
            }
        }
        assertEquals("completed", str(result, "status"), result.toString());
        assertTrue(result.get("result").isJsonObject());
        assertTrue(result.getAsJsonObject("result").has("path"));
        assertFalse(result.get("cached").getAsBoolean());
        assertTrue(result.get("processing_time_ms").getAsDouble() >= 0);
        assertMoney(result, "cost_usd");
        assertEquals(nanosOf(str(result, "cost_usd")), result.get("cost_nanos").getAsLong());
        assertEquals("peer_one", str(result, "peer_id"));
        assertTrue(result.get("attempts").getAsInt() >= 1);
        // Nothing more about r42: a marker request answered after it sees nothing in between.
        g.send(submit("marker", "{\"type\":\"no_such_type\",\"data\":{}}", ""));
        List<JsonObject> between = new ArrayList<>();
        g.await(resultFor("marker"), between);
        for (JsonObject m : between) {
            assertNotEquals("r42", str(m, "request_id"), "message after the task_result: " + m);
        }
    }

    @Test
    void sameTaskAgain_isCached_costsZero_attemptsZero() throws Exception {
        net.peer("peer_c", 1);
        Wire g = gamer("g_cache");
        g.send(submit("r1", PATH_TASK, ""));
        JsonObject first = g.await(resultFor("r1"), new ArrayList<>());
        assertEquals("completed", str(first, "status"), first.toString());
        g.send(submit("r2", PATH_TASK, ""));
        JsonObject second = g.await(resultFor("r2"), new ArrayList<>());
        assertEquals("completed", str(second, "status"), second.toString());
        assertTrue(second.get("cached").getAsBoolean(), second.toString());
        assertEquals(0, second.get("cost_nanos").getAsLong());
        assertEquals("0.000000000", str(second, "cost_usd"));
        assertEquals(0, second.get("attempts").getAsInt());
        assertEquals(first.get("result"), second.get("result"));
    }

    @Test
    void unknownTaskType_isRefusedBeforeATaskExists() throws Exception {
        Wire g = gamer("g_unknown");
        g.send(submit("r43", "{\"type\":\"mine_bitcoin\",\"data\":{}}", ""));
        JsonObject r = g.next();
        assertEquals("task_result", str(r, "type"), r.toString());
        assertEquals("r43", str(r, "request_id"));
        assertEquals("error", str(r, "status"));
        assertEquals("unknown_task_type", str(r, "code"));
        assertTrue(r.has("error") && !str(r, "error").isEmpty());
        assertFalse(r.has("task_id") && !r.get("task_id").isJsonNull(), "no task_id when refused: " + r);
        assertFalse(r.get("cached").getAsBoolean());
        assertEquals("0.000000000", str(r, "cost_usd"));
        assertEquals(0, r.get("cost_nanos").getAsLong());
        assertEquals(0, r.get("attempts").getAsInt());
    }

    @Test
    void invalidTaskData_isInvalidTask_namingTheField() throws Exception {
        Wire g = gamer("g_invalid");
        g.send(submit("r43", "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[5,-5]}}", ""));
        JsonObject r = g.next();
        assertEquals("task_result", str(r, "type"), r.toString());
        assertEquals("r43", str(r, "request_id"));
        assertEquals("error", str(r, "status"));
        assertEquals("invalid_task", str(r, "code"));
        assertTrue(str(r, "error").contains("end"), r.toString());
        assertEquals(0, r.get("cost_nanos").getAsLong());
        assertEquals(0, r.get("attempts").getAsInt());
    }

    @Test
    void timeoutMs_outOfRange_isRefused() throws Exception {
        Wire g = gamer("g_tmo");
        g.send(submit("r0", PATH_TASK, ",\"timeout_ms\":0"));
        JsonObject r = g.next();
        assertEquals("error", str(r, "type"), r.toString());
        assertEquals("invalid_field", str(r, "code"), r.toString());
        assertTrue(r.get("message").getAsString().contains("timeout_ms"), r.toString());
        g.send(submit("r1", PATH_TASK, ",\"timeout_ms\":3600001"));
        JsonObject r1 = g.next();
        assertEquals("invalid_field", str(r1, "code"), r1.toString());
    }

    @Test
    void requestId_givenAsANumberOrBoolean_isInvalidField() throws Exception {
        Wire g = gamer("g_rid_type");
        for (String id : List.of("42", "true")) {
            g.send("{\"type\":\"submit_task\",\"request_id\":" + id + ",\"task\":" + PATH_TASK + "}");
            JsonObject r = g.next();
            assertError(r, "invalid_field");
            assertTrue(r.get("message").getAsString().contains("request_id must be a string"), r.toString());
        }
    }

    @Test
    void timeoutMs_givenAsAString_isInvalidField_andHugeValuesAreReportedAsSent() throws Exception {
        Wire g = gamer("g_tmo_type");
        g.send(submit("r1", PATH_TASK, ",\"timeout_ms\":\"100\""));
        JsonObject r1 = g.next();
        assertError(r1, "invalid_field");
        assertEquals("r1", str(r1, "request_id"), r1.toString());
        assertTrue(r1.get("message").getAsString().contains("timeout_ms must be an integer"), r1.toString());
        g.send(submit("r2", PATH_TASK, ",\"timeout_ms\":1e308"));
        JsonObject r2 = g.next();
        assertError(r2, "invalid_field");
        assertTrue(r2.get("message").getAsString().contains("'1e308'"), r2.toString());
        g.send(submit("r3", PATH_TASK, ",\"timeout_ms\":2.5"));
        assertError(g.next(), "invalid_field");
    }

    @Test
    void duplicateNames_areBadJson_atAnyDepth() throws Exception {
        Wire w = wire();
        w.send("{\"type\":\"register_gamer\",\"gamer_id\":\"g_dup_a\",\"gamer_id\":\"g_dup_b\"}");
        JsonObject r = w.next();
        assertError(r, "bad_json");
        assertTrue(r.get("message").getAsString().contains("'gamer_id' appears twice"), r.toString());
        assertEquals("registered", str(registerGamer(w, "g_dup_a", null), "type"));
        w.send(submit("r1", "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"start\":[1,1],\"end\":[5,5]}}", ""));
        assertError(w.next(), "bad_json");
    }

    @Test
    void errorMessages_nameTheFieldInProtocolTerms_withoutParserInternals() throws Exception {
        Wire w = wire();
        Pattern internals = Pattern.compile("Exception|java\\.|JsonReader|Strictness|strict mode|NUMBER|STRING|BEGIN_|path \\$|[Gg]son");
        for (String bad : List.of(
                "{\"type\":\"register_gamer\",\"gamer_id\":7}",
                "{\"type\":\"register_peer\",\"peer_id\":\"p\",\"capabilities\":{\"cores\":\"1\",\"slots\":1,\"tasks\":{}}}",
                "{\"type\":\"register_peer\",\"peer_id\":\"p\",\"capabilities\":{\"cores\":1,\"slots\":1.5,\"tasks\":{}}}",
                "{\"type\":\"heartbeat\",\"running\":\"x\"}",
                "{\"type\":\"register_gamer\",\"gamer_id\":\"g\",}",
                "{\"type\":\"register_gamer\" \"gamer_id\":\"g\"}",
                "{\"type\":\"register_gamer\",\"gamer_id\":\"g\"")) {
            w.send(bad);
            JsonObject r = w.next();
            assertEquals("error", str(r, "type"), r.toString());
            String message = r.get("message").getAsString();
            assertFalse(internals.matcher(message).find(), bad + " -> " + message);
        }
    }

    @Test
    void missingTask_isMissingField_namingIt() throws Exception {
        Wire g = gamer("g_missing");
        g.send("{\"type\":\"submit_task\",\"request_id\":\"r7\"}");
        JsonObject r = g.next();
        assertError(r, "missing_field");
        assertTrue(r.get("message").getAsString().contains("task"), r.toString());
    }

    @Test
    void fieldErrors_echoTheRequestIdAndTaskIdTheMessageNamed() throws Exception {
        Wire g = gamer("g_echo");
        g.send("{\"type\":\"submit_task\",\"request_id\":\"r7\"}");
        JsonObject r = g.next();
        assertError(r, "missing_field");
        assertEquals("r7", str(r, "request_id"), r.toString());
        g.send(submit("r8", PATH_TASK, ",\"timeout_ms\":0"));
        JsonObject r8 = g.next();
        assertError(r8, "invalid_field");
        assertEquals("r8", str(r8, "request_id"), r8.toString());
        Wire p = wire();
        assertEquals("registered", str(registerPeer(p, "p_echo", null, 1), "type"));
        p.send(sealed("{\"type\":\"task_result\",\"task_id\":\"task_x\",\"status\":\"completed\",\"result\":{}}"));
        JsonObject e = p.next();
        assertError(e, "missing_field");
        assertEquals("task_x", str(e, "task_id"), e.toString());
    }

    @Test
    void requestId_over128Chars_isInvalidField() throws Exception {
        Wire g = gamer("g_rid");
        g.send(submit("r".repeat(129), PATH_TASK, ""));
        assertError(g.next(), "invalid_field");
    }

    @Test
    void noPeer_taskIsQueued_duplicateRequestRefused_thenTimesOut() throws Exception {
        Wire g = gamer("g_dup");
        g.send(submit("r1", PATH_TASK, ",\"timeout_ms\":1500"));
        JsonObject accepted = g.next();
        assertEquals("task_accepted", str(accepted, "type"), accepted.toString());
        assertEquals("queued", str(accepted, "status"));
        assertEquals("r1", str(accepted, "request_id"));
        g.send(submit("r1", PATH_TASK, ""));
        JsonObject dup = g.await(o -> "error".equals(str(o, "type")), new ArrayList<>());
        assertEquals("duplicate_request", str(dup, "code"), dup.toString());
        assertEquals("r1", str(dup, "request_id"));
        JsonObject r = g.await(resultFor("r1"), new ArrayList<>());
        assertEquals("error", str(r, "status"), r.toString());
        assertEquals("timeout", str(r, "code"), r.toString());
        assertEquals(accepted.get("task_id"), r.get("task_id"));
        assertEquals(0, r.get("cost_nanos").getAsLong());
        // once closed, the request_id may be reused
        g.send(submit("r1", "{\"type\":\"no_such_type\",\"data\":{}}", ""));
        assertEquals("unknown_task_type", str(g.await(resultFor("r1"), new ArrayList<>()), "code"));
    }

    // ---------------------------------------------------------------- peer side, with a hand-driven peer

    @Test
    void rawPeer_getsExecuteTask_resultAccepted_billingExact_andSecondResultIsTaskNotHeld() throws Exception {
        Wire p = wire();
        JsonObject reg = registerPeer(p, "p_hand", null, 1);
        assertEquals("registered", str(reg, "type"), reg.toString());
        Wire g = gamer("g_hand");
        g.send(submit("r1", PATH_TASK, ""));
        JsonObject ex = p.await("execute_task");
        String taskId = str(ex, "task_id");
        assertEquals("ai_pathfinding", str(ex, "task_type"));
        assertEquals(PATHFINDING_VERSION, str(ex, "version"));
        assertTrue(ex.get("task_data").isJsonObject());
        assertEquals(JsonParser.parseString("[5,5]"), ex.getAsJsonObject("task_data").get("end"));
        assertTrue(ex.get("deadline_ms").getAsLong() > 0);
        String answer = "{\"type\":\"task_result\",\"task_id\":\"" + taskId + "\",\"status\":\"completed\",\"result\":"
                + "{\"path\":[[0,0],[1,1],[2,3],[3,4],[4,5],[5,5]],\"distance\":7.07,\"cost\":7.07,\"found\":true,"
                + "\"nodes_expanded\":9,\"obstacles_avoided\":1,\"width\":6,\"height\":6,\"work_units\":40},\"processing_time_ms\":5}";
        p.send(sealed(answer));
        JsonObject acc = p.await("result_accepted");
        assertEquals(taskId, str(acc, "task_id"));
        assertMoney(acc, "earned_usd");
        assertMoney(acc, "total_earned_usd");
        long earned = acc.get("earned_nanos").getAsLong();
        assertEquals(nanosOf(str(acc, "earned_usd")), earned);
        JsonObject res = g.await(resultFor("r1"), new ArrayList<>());
        assertEquals("completed", str(res, "status"), res.toString());
        assertEquals(taskId, str(res, "task_id"));
        assertEquals("p_hand", str(res, "peer_id"));
        assertEquals(1, res.get("attempts").getAsInt());
        long charge = res.get("cost_nanos").getAsLong();
        int feeBp = 1000; // fee_percent "10"
        long expected = -Math.floorDiv(-earned * 10000, 10000 - feeBp);
        assertEquals(expected, charge, "gamer_charge = ceil(peer_earning*10000/(10000-fee_bp))");
        // the same result again is not held and bills nothing
        p.send(sealed(answer));
        JsonObject again = p.await(o -> "error".equals(str(o, "type")) || "result_accepted".equals(str(o, "type")),
                new ArrayList<>());
        assertError(again, "task_not_held");
        assertEquals(taskId, str(again, "task_id"));
        // total earned did not move: re-register the peer elsewhere and read total_usd
        p.closeBlocking();
        Wire p2 = wire();
        JsonObject reg2 = registerPeer(p2, "p_hand", str(reg, "token"), 1);
        assertEquals(earned, nanosOf(str(reg2, "total_usd")), reg2.toString());
    }

    @Test
    void resultForTaskNeverAssigned_isTaskNotHeld_withTaskId() throws Exception {
        Wire p = wire();
        assertEquals("registered", str(registerPeer(p, "p_nh", null, 1), "type"));
        p.send(sealed("{\"type\":\"task_result\",\"task_id\":\"task_never\",\"status\":\"completed\",\"result\":{},\"processing_time_ms\":1}"));
        JsonObject e = p.next();
        assertError(e, "task_not_held");
        assertEquals("task_never", str(e, "task_id"));
    }

    @Test
    void peerResult_withoutProcessingTime_isMissingField() throws Exception {
        Wire p = wire();
        assertEquals("registered", str(registerPeer(p, "p_pt", null, 1), "type"));
        p.send(sealed("{\"type\":\"task_result\",\"task_id\":\"task_x\",\"status\":\"completed\",\"result\":{}}"));
        JsonObject e = p.next();
        assertError(e, "missing_field");
        assertTrue(e.get("message").getAsString().contains("processing_time_ms"), e.toString());
        p.send(sealed("{\"type\":\"task_result\",\"task_id\":\"task_x\",\"status\":\"completed\",\"result\":{},\"processing_time_ms\":604800001}"));
        assertError(p.next(), "invalid_field");
    }

    @Test
    void peerWithOneSlot_neverGetsTwoTasksAtOnce() throws Exception {
        Wire p = wire();
        assertEquals("registered", str(registerPeer(p, "p_slot", null, 1), "type"));
        Wire g = gamer("g_slot");
        g.send(submit("a", "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[5,5]}}", ""));
        g.send(submit("b", "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[4,4]}}", ""));
        JsonObject first = p.await("execute_task");
        // both tasks are known to the coordinator before the peer answers
        g.await(o -> "task_accepted".equals(str(o, "type")) && "b".equals(str(o, "request_id")), new ArrayList<>());
        p.send("{\"type\":\"task_result\",\"task_id\":\"" + str(first, "task_id")
                + "\",\"status\":\"error\",\"error\":\"boom\",\"error_code\":\"execution_failed\",\"processing_time_ms\":1}");
        List<JsonObject> before = new ArrayList<>();
        JsonObject second = p.await(o -> "execute_task".equals(str(o, "type")), before);
        assertNotEquals(str(first, "task_id"), str(second, "task_id"));
        // the failed one is reported to its gamer, not retried
        JsonObject failed = g.await(o -> "task_result".equals(str(o, "type")), new ArrayList<>());
        assertEquals("error", str(failed, "status"), failed.toString());
        assertEquals("execution_failed", str(failed, "code"), failed.toString());
        assertEquals(0, failed.get("cost_nanos").getAsLong());
    }

    @Test
    void peerAnswersNotAvailable_taskGoesToAnotherPeer() throws Exception {
        Wire p = wire();
        assertEquals("registered", str(registerPeer(p, "p_na", null, 1), "type"));
        Wire g = gamer("g_na");
        g.send(submit("r1", PATH_TASK, ""));
        JsonObject ex = p.await("execute_task");
        net.peer("p_real", 1);
        p.send("{\"type\":\"task_result\",\"task_id\":\"" + str(ex, "task_id")
                + "\",\"status\":\"error\",\"error\":\"no such version\",\"error_code\":\"not_available\",\"processing_time_ms\":0}");
        JsonObject r = g.await(resultFor("r1"), new ArrayList<>());
        assertEquals("completed", str(r, "status"), r.toString());
        assertEquals("p_real", str(r, "peer_id"), r.toString());
    }

    @Test
    void capacityZero_pausesAPeer_anotherTakesTheWork_andRaisingItResumes() throws Exception {
        Wire p1 = wire();
        assertEquals("registered", str(registerPeer(p1, "p_pause", null, 1), "type"));
        p1.send("{\"type\":\"capacity\",\"slots\":0,\"reason\":\"paused: the machine is busy\"}");
        p1.send("{\"type\":\"capacity\",\"slots\":2}");
        JsonObject over = p1.next(); // answered after the first capacity was applied: messages of a connection keep their order
        assertError(over, "invalid_field");
        assertTrue(str(over, "message").contains("[0, 1]"), over.toString());
        Wire g = gamer("g_pause");
        g.send(submit("r1", PATH_TASK, ""));
        g.await(o -> "task_accepted".equals(str(o, "type")) && "queued".equals(str(o, "status")), new ArrayList<>());
        Wire p2 = wire();
        assertEquals("registered", str(registerPeer(p2, "p_works", null, 1), "type"));
        JsonObject first = p2.await("execute_task");
        assertTrue(p1.inbox.isEmpty(), "a paused peer gets no task: " + p1.inbox);
        g.send(submit("r2", "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[4,4]}}", ""));
        g.await(o -> "queued".equals(str(o, "status")) && "r2".equals(str(o, "request_id")), new ArrayList<>());
        p1.send("{\"type\":\"capacity\",\"slots\":1}");
        JsonObject second = p1.await("execute_task");
        assertNotEquals(str(first, "task_id"), str(second, "task_id"));
    }

    @Test
    void releaseTask_requeuesAtOnce_noAttemptCounted_nothingBilled_andALateResultIsNotHeld() throws Exception {
        Wire p1 = wire();
        assertEquals("registered", str(registerPeer(p1, "p_leaving", null, 1), "type"));
        Wire g = gamer("g_rel");
        g.send(submit("r1", PATH_TASK, ""));
        String taskId = str(p1.await("execute_task"), "task_id");
        g.await(o -> "running".equals(str(o, "status")), new ArrayList<>());
        p1.send("{\"type\":\"capacity\",\"slots\":0}");
        p1.send("{\"type\":\"release_task\",\"task_id\":\"" + taskId + "\",\"reason\":\"peer stopping\"}");
        JsonObject again = g.await(about("r1"), new ArrayList<>());
        assertEquals("queued", str(again, "status"), "no other peer is free, so the gamer hears it waits again: " + again);
        Wire p2 = wire();
        assertEquals("registered", str(registerPeer(p2, "p_takes", null, 1), "type"));
        JsonObject ex = p2.await("execute_task");
        assertEquals(taskId, str(ex, "task_id"), "the same task, not a new one");
        p2.send(sealed("{\"type\":\"task_result\",\"task_id\":\"" + taskId + "\",\"status\":\"completed\",\"result\":"
                + "{\"path\":[],\"distance\":0,\"cost\":0,\"found\":false,\"nodes_expanded\":1,\"obstacles_avoided\":0,"
                + "\"width\":6,\"height\":6,\"work_units\":40},\"processing_time_ms\":2}"));
        JsonObject r = g.await(resultFor("r1"), new ArrayList<>());
        assertEquals("completed", str(r, "status"), r.toString());
        assertEquals("p_takes", str(r, "peer_id"));
        assertEquals(1, r.get("attempts").getAsInt(), "a hand-back is not a failed attempt");
        p1.send("{\"type\":\"task_result\",\"task_id\":\"" + taskId + "\",\"status\":\"error\",\"error\":\"cancelled\","
                + "\"processing_time_ms\":1}");
        assertError(p1.await("error"), "task_not_held");
        p1.send("{\"type\":\"release_task\",\"task_id\":\"" + taskId + "\"}");
        JsonObject notHeld = p1.await("error");
        assertError(notHeld, "task_not_held");
        assertEquals(taskId, str(notHeld, "task_id"));
        net.coordinator().flush().get(10, TimeUnit.SECONDS);
        assertEquals(1, net.queryLong("SELECT COUNT(*) FROM ledger WHERE task_id = '" + taskId + "'"));
        assertEquals(0, net.queryLong("SELECT COUNT(*) FROM ledger WHERE peer_id = 'p_leaving'"));
        g.send("{\"type\":\"release_task\",\"task_id\":\"" + taskId + "\"}");
        assertError(g.await("error"), "wrong_role");
    }

    @Test
    void gamerTotalUsd_followsTheIdAcrossConnections() throws Exception {
        net.peer("p_tot", 1);
        Wire g = wire();
        String token = str(registerGamer(g, "g_tot", null), "token");
        g.send(submit("r1", PATH_TASK, ""));
        JsonObject r = g.await(resultFor("r1"), new ArrayList<>());
        assertEquals("completed", str(r, "status"), r.toString());
        long cost = r.get("cost_nanos").getAsLong();
        Wire g2 = wire();
        JsonObject reg = registerGamer(g2, "g_tot", token);
        assertEquals(cost, nanosOf(str(reg, "total_usd")), reg.toString());
    }

    // ---------------------------------------------------------------- more rules

    @Test
    void registeredFeePercent_isAString() throws Exception {
        Wire w = wire();
        JsonObject r = registerGamer(w, "g_fee", null);
        assertTrue(r.get("fee_percent").isJsonPrimitive() && r.get("fee_percent").getAsJsonPrimitive().isString(), r.toString());
        assertTrue(r.get("server_version").getAsJsonPrimitive().isString(), r.toString());
    }

    @Test
    void noPeer_timeoutMessage_saysNoPeerWasFound() throws Exception {
        Wire g = gamer("g_tmsg");
        g.send(submit("r1", PATH_TASK, ",\"timeout_ms\":200"));
        JsonObject r = g.await(resultFor("r1"), new ArrayList<>());
        assertEquals("timeout", str(r, "code"), r.toString());
        assertTrue(str(r, "error").toLowerCase().contains("peer"), r.toString());
        assertEquals(0, r.get("attempts").getAsInt(), r.toString());
    }

    @Test
    void peersThatDrop_areRetriedOnOthers_upTo3_thenPeerFailed() throws Exception {
        List<Wire> peers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger executes = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 4; i++) {
            Wire p = new Wire(net.port()) {
                @Override
                public void onMessage(String message) {
                    if (message.contains("\"execute_task\"")) {
                        executes.incrementAndGet();
                        close();
                    }
                    super.onMessage(message);
                }
            };
            assertTrue(p.connectBlocking(10, TimeUnit.SECONDS));
            wires.add(p);
            assertEquals("registered", str(registerPeer(p, "p_drop" + i, null, 1), "type"));
            peers.add(p);
        }
        Wire g = gamer("g_drop");
        g.send(submit("r1", PATH_TASK, ""));
        JsonObject r = g.await(resultFor("r1"), new ArrayList<>());
        assertEquals("error", str(r, "status"), r.toString());
        assertEquals("peer_failed", str(r, "code"), r.toString());
        assertEquals(3, r.get("attempts").getAsInt(), r.toString());
        assertEquals(3, executes.get());
        assertEquals(0, r.get("cost_nanos").getAsLong());
    }

    @Test
    void gamerDisconnects_queuedTaskCancelled_runningTaskBilledAndCached() throws Exception {
        Wire p = wire();
        assertEquals("registered", str(registerPeer(p, "p_gone", null, 1), "type"));
        Wire g = wire();
        String token = str(registerGamer(g, "g_gone", null), "token");
        g.send(submit("a", PATH_TASK, ""));
        g.send(submit("b", "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[3,3]}}", ""));
        JsonObject ex = p.await("execute_task");
        assertEquals(JsonParser.parseString("[5,5]"), ex.getAsJsonObject("task_data").get("end"));
        g.await(o -> "task_accepted".equals(str(o, "type")) && "b".equals(str(o, "request_id")), new ArrayList<>());
        g.closeBlocking();
        // The client's close is done before the coordinator's loop has heard of it; only then is b cancelled.
        net.awaitLog("Gamer disconnected: g_gone");
        p.send(sealed("{\"type\":\"task_result\",\"task_id\":\"" + str(ex, "task_id") + "\",\"status\":\"completed\",\"result\":"
                + "{\"path\":[[0,0],[1,1],[2,3],[3,4],[4,5],[5,5]],\"distance\":7.07,\"cost\":7.07,\"found\":true,"
                + "\"nodes_expanded\":9,\"obstacles_avoided\":1,\"width\":6,\"height\":6,\"work_units\":40},\"processing_time_ms\":3}"));
        JsonObject acc = p.await("result_accepted");
        assertTrue(acc.get("earned_nanos").getAsLong() >= 0);
        Wire g2 = wire();
        assertEquals("registered", str(registerGamer(g2, "g_gone", token), "type"));
        g2.send(submit("c", "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[2,2]}}", ""));
        JsonObject next = p.await("execute_task");
        assertEquals(JsonParser.parseString("[2,2]"), next.getAsJsonObject("task_data").get("end"),
                "the cancelled queued task b must not reach the peer: " + next);
        g2.send(submit("a2", PATH_TASK, ""));
        JsonObject cached = g2.await(resultFor("a2"), new ArrayList<>());
        assertEquals("completed", str(cached, "status"), cached.toString());
        assertTrue(cached.get("cached").getAsBoolean(), cached.toString());
        assertEquals(0, cached.get("cost_nanos").getAsLong());
    }

    @Test
    void billing_followsTheResultsWorkUnits_notTheTimeAPeerClaims() throws Exception {
        Wire p = wire();
        JsonObject reg = registerPeer(p, "p_claim", null, 1);
        long ratePerHourNanos = nanosOf(str(reg, "peer_rate_usd_per_hour"));
        Wire g = gamer("g_claim");
        long t0 = System.nanoTime();
        g.send(submit("r1", PATH_TASK, ""));
        JsonObject ex = p.await("execute_task");
        p.send(sealed("{\"type\":\"task_result\",\"task_id\":\"" + str(ex, "task_id") + "\",\"status\":\"completed\",\"result\":"
                + "{\"path\":[[0,0],[1,1],[2,3],[3,4],[4,5],[5,5]],\"distance\":7.07,\"cost\":7.07,\"found\":true,"
                + "\"nodes_expanded\":9,\"obstacles_avoided\":1,\"width\":6,\"height\":6,\"work_units\":40},\"processing_time_ms\":604800000}"));
        JsonObject acc = p.await("result_accepted");
        // 40 pathfinding work units are priced at well under a millisecond of reference compute (docs/TASKS.md).
        long ceiling = (long) Math.ceil(ratePerHourNanos / 3_600_000.0) + 1;
        assertTrue(acc.get("earned_nanos").getAsLong() <= ceiling, "a claim of 7 days is not what is billed: " + acc);
    }

    @Test
    void resultWithoutWorkUnits_orWithMoreThanItsInputAllows_isInvalidResult() throws Exception {
        Wire p = wire();
        registerPeer(p, "p_units", null, 1);
        Wire g = gamer("g_units");
        g.send(submit("r1", PATH_TASK, ""));
        JsonObject ex = p.await("execute_task");
        String head = "{\"type\":\"task_result\",\"task_id\":\"" + str(ex, "task_id") + "\",\"status\":\"completed\",\"result\":";
        p.send(sealed(head + "{\"path\":[],\"found\":false},\"processing_time_ms\":1}"));
        JsonObject e = p.await("error");
        assertError(e, "invalid_result");
        assertTrue(e.get("message").getAsString().contains("work_units"), e.toString());
        JsonObject again = p.await("execute_task");
        p.send(sealed("{\"type\":\"task_result\",\"task_id\":\"" + str(again, "task_id") + "\",\"status\":\"completed\","
                + "\"result\":{\"path\":[],\"found\":false,\"work_units\":999999999999},\"processing_time_ms\":1}"));
        assertError(p.await("error"), "invalid_result");
    }

    @Test
    void tooManyOpenTasks_isTooManyTasks() throws Exception {
        Wire g = gamer("g_many");
        for (int i = 0; i < 257; i++) {
            g.send(submit("r" + i, "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[" + (i % 60) + "," + (i / 60) + "]}}", ""));
        }
        JsonObject r = g.await(resultFor("r256"), new ArrayList<>());
        assertEquals("error", str(r, "status"), r.toString());
        assertEquals("too_many_tasks", str(r, "code"), r.toString());
        assertEquals(0, r.get("cost_nanos").getAsLong());
    }

    @Test
    void taskDataOver1MiB_isInvalidTask() throws Exception {
        Wire g = gamer("g_huge");
        StringBuilder obstacles = new StringBuilder("[[1,1]");
        while (obstacles.length() < 1_100_000) {
            obstacles.append(",[1,1]");
        }
        obstacles.append(']');
        g.send(submit("r1", "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[5,5],\"obstacles\":" + obstacles + "}}", ""));
        JsonObject r = g.await(resultFor("r1"), new ArrayList<>());
        assertEquals("error", str(r, "status"), r.toString());
        assertEquals("invalid_task", str(r, "code"), r.toString());
    }

    @Test
    void aGamerHearsOnlyAboutItsOwnTasks_andRequestIdsAreScopedToTheConnection() throws Exception {
        net.peer("p_own", 2);
        Wire a = gamer("g_own_a");
        Wire b = gamer("g_own_b");
        a.send(submit("same", PATH_TASK, ""));
        JsonObject ra = a.await(resultFor("same"), new ArrayList<>());
        assertEquals("completed", str(ra, "status"), ra.toString());
        b.send(submit("marker", "{\"type\":\"no_such_type\",\"data\":{}}", ""));
        List<JsonObject> seen = new ArrayList<>();
        b.await(resultFor("marker"), seen);
        assertTrue(seen.isEmpty(), "gamer b heard about a's task: " + seen);
        b.send(submit("same", "{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[4,5]}}", ""));
        assertEquals("completed", str(b.await(resultFor("same"), new ArrayList<>()), "status"));
    }
}
