package io.p2c2r.common.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Client messages are read as strictly as docs/PROTOCOL.md says, and every refusal speaks protocol, not Java. */
class StrictDecodingTest {
    /** Words that only a Java parser or runtime would use. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|java\\.|JsonReader|Strictness|strict mode|BEGIN_|NUMBER|STRING|BOOLEAN|Expected an? |path \\$|[Gg]son");

    private static ProtocolException refused(String frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Codec.decodeClient(frame), frame);
        assertFalse(INTERNALS.matcher(e.getMessage()).find(), "Java internals in: " + e.getMessage());
        return e;
    }

    private static String submit(String fields) {
        return "{\"type\":\"submit_task\",\"task\":{\"type\":\"ai_pathfinding\",\"data\":{}}" + fields + "}";
    }

    @Test
    void requestId_thatIsNotAString_isRefused_namingIt() {
        for (String id : List.of("42", "true", "1.5", "{}", "[\"r\"]")) {
            ProtocolException e = refused(submit(",\"request_id\":" + id));
            assertEquals(ErrorCodes.INVALID_FIELD, e.code(), e.getMessage());
            assertTrue(e.getMessage().startsWith("submit_task: request_id must be a string, not "), e.getMessage());
        }
        assertTrue(refused(submit(",\"request_id\":42")).getMessage().endsWith("not the number 42"));
    }

    @Test
    void timeoutGivenAsAString_isRefused() {
        ProtocolException e = refused(submit(",\"request_id\":\"r\",\"timeout_ms\":\"100\""));
        assertEquals("submit_task: timeout_ms must be an integer, not the string \"100\"", e.getMessage());
        assertEquals("r", e.requestId());
    }

    @Test
    void outOfRangeNumbers_areReportedAsSent() {
        assertEquals("submit_task: timeout_ms = '1e308' must be an integer in [1, 3600000]",
                refused(submit(",\"request_id\":\"r\",\"timeout_ms\":1e308")).getMessage());
        assertEquals("submit_task: timeout_ms = '2.5' must be an integer in [1, 3600000]",
                refused(submit(",\"request_id\":\"r\",\"timeout_ms\":2.5")).getMessage());
        assertEquals("submit_task: timeout_ms = '1" + "2".repeat(70) + "' is out of range",
                refused(submit(",\"request_id\":\"r\",\"timeout_ms\":1" + "2".repeat(70))).getMessage());
        assertTrue(refused("{\"type\":\"task_result\",\"task_id\":\"t\",\"status\":\"completed\",\"result\":1,"
                + "\"processing_time_ms\":-0.5}").getMessage().contains("processing_time_ms = '-0.5' must be a number in [0, 604800000]"));
    }

    @Test
    void integersMayBeWrittenInAnyExactForm() {
        SubmitTask a = (SubmitTask) Codec.decodeClient(submit(",\"request_id\":\"r\",\"timeout_ms\":1e3"));
        SubmitTask b = (SubmitTask) Codec.decodeClient(submit(",\"request_id\":\"r\",\"timeout_ms\":1000.0"));
        assertEquals(1000L, a.timeoutMs());
        assertEquals(1000L, b.timeoutMs());
        assertEquals(null, ((SubmitTask) Codec.decodeClient(submit(",\"request_id\":\"r\",\"timeout_ms\":null"))).timeoutMs());
    }

    @Test
    void duplicateNames_areRefused_atAnyDepth() {
        ProtocolException top = refused("{\"type\":\"register_gamer\",\"gamer_id\":\"a\",\"gamer_id\":\"b\"}");
        assertEquals(ErrorCodes.BAD_JSON, top.code());
        assertEquals("malformed JSON: the name 'gamer_id' appears twice in the top-level object", top.getMessage());
        ProtocolException deep = refused(submit(",\"request_id\":\"r\"").replace("\"data\":{}", "\"data\":{\"end\":[1,1],\"end\":[2,2]}"));
        assertEquals("malformed JSON: the name 'end' appears twice in the object task.data", deep.getMessage());
    }

    @Test
    void peerFields_areTypeChecked() {
        String caps = "{\"type\":\"register_peer\",\"peer_id\":\"p\",\"capabilities\":{\"cores\":%s,\"slots\":1,\"tasks\":%s}}";
        assertEquals("register_peer: capabilities.cores = '1.5' must be an integer in [1, 4096]",
                refused(caps.formatted("1.5", "{}")).getMessage());
        assertEquals("register_peer: capabilities.cores must be an integer, not the string \"2\"",
                refused(caps.formatted("\"2\"", "{}")).getMessage());
        assertEquals("register_peer: capabilities.tasks.ai_pathfinding must be a string, not the number 1",
                refused(caps.formatted("1", "{\"ai_pathfinding\":1}")).getMessage());
        assertEquals("register_peer: capabilities.tasks must be an object, not an array",
                refused(caps.formatted("1", "[]")).getMessage());
        assertEquals("heartbeat: running must be an integer, not true", refused("{\"type\":\"heartbeat\",\"running\":true}").getMessage());
        assertEquals("task_result: processing_time_ms must be a number, not the string \"1\"", refused(
                "{\"type\":\"task_result\",\"task_id\":\"t\",\"status\":\"completed\",\"result\":1,\"processing_time_ms\":\"1\"}").getMessage());
    }

    @Test
    void syntaxErrors_sayWhereInJsonTerms() {
        assertEquals("malformed JSON at line 1 column 25: expected a quoted member name (a trailing comma?)",
                refused("{\"type\":\"heartbeat\",   }").getMessage());
        assertTrue(refused("{\"type\":\"heartbeat\" /* c */}").getMessage().startsWith("malformed JSON at line 1 column 22: not strict JSON"));
        assertEquals("malformed JSON at line 1 column 9: the text ends before the JSON value does",
                refused("{\"type\":").getMessage());
        assertTrue(refused("{\"type\":\"heartbeat\",\"x\":" + "[".repeat(70) + "]".repeat(70) + "}").getMessage()
                .contains("nested deeper than 64 levels"));
    }

    @Test
    void strings_mustBeValidUnicode_withoutRawControlCharacters() {
        assertEquals("malformed JSON at line 1 column 26: a control character (U+0000 to U+001F) inside a string must be "
                + "written as an escape", refused("{\"type\":\"heartbeat\",\"x\":\"\u0001\"}").getMessage());
        assertTrue(refused("{\"type\":\"register_gamer\",\"gamer_id\":\"g\",\"x\":\"\\ud800\"}").getMessage()
                .endsWith("a string holds an unpaired UTF-16 surrogate; strings must be valid Unicode"));
        refused("{\"type\":\"register_gamer\",\"gamer_id\":\"g\",\"x\":\"\\udc00\\ud800\"}");
        refused("{\"type\":\"register_gamer\",\"gamer_id\":\"g\",\"x\":\"\ud800\"}");
        // A pair, escaped or raw, and escaped control characters are fine.
        Codec.decodeClient("{\"type\":\"register_gamer\",\"gamer_id\":\"g\",\"x\":\"\\ud83d\\ude00 \ud83d\ude00 \\u0001\\n\"}");
    }

    @Test
    void serverMessages_refuseNumbersForStrings_withoutInternals() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Codec.decodeServer(
                "{\"type\":\"task_accepted\",\"request_id\":7,\"task_id\":\"t\",\"status\":\"queued\"}"));
        assertEquals("task_accepted: request_id must be a string, not number", e.getMessage());
        ProtocolException n = assertThrows(ProtocolException.class, () -> Codec.decodeServer(
                "{\"type\":\"result_accepted\",\"task_id\":\"t\",\"earned_usd\":\"0\",\"earned_nanos\":1e308,\"total_earned_usd\":\"0\"}"));
        assertFalse(INTERNALS.matcher(n.getMessage()).find(), n.getMessage());
        assertTrue(n.getMessage().contains("earned_nanos"), n.getMessage());
    }
}
