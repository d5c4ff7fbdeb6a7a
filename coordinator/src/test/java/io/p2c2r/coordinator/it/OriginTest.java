package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.coordinator.NetLimits;
import io.p2c2r.coordinator.net.OriginPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser origins on the task port: only listed ones may connect; programs, which send no Origin, always may. */
class OriginTest {
    @TempDir
    Path dir;

    @Test
    void onlyListedOrigins_andClientsWithoutOrigin_canConnect() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.netLimits(NetLimits.defaults()
                .withAllowedOrigins(List.of("https://Game.example.com/"))))) {
            assertTrue(opens(net.port(), "https://game.example.com"), "a listed origin (case and trailing slash aside)");
            assertTrue(opens(net.port(), null), "no Origin header: a program, not a browser page");
            assertFalse(opens(net.port(), "https://evil.example"), "an origin not listed");
            assertFalse(opens(net.port(), "http://game.example.com"), "another scheme is another origin");
            net.awaitLog("origin 'https://evil.example' is not allowed");
        }
    }

    @Test
    void byDefault_everyBrowserOriginIsRefused() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            assertFalse(opens(net.port(), "http://127.0.0.1:" + net.port()));
            assertTrue(opens(net.port(), null));
        }
    }

    @Test
    void allowList_refusesEntriesThatAreNotOrigins() {
        assertThrows(IllegalArgumentException.class, () -> OriginPolicy.checked(List.of("game.example.com")));
        assertThrows(IllegalArgumentException.class, () -> OriginPolicy.checked(List.of("https://game.example.com/play")));
        assertEquals(List.of("*", "http://localhost:9100"), OriginPolicy.checked(List.of("*", "http://LOCALHOST:9100")));
        assertEquals(null, OriginPolicy.refusal(List.of("*"), "https://anything.example"));
    }

    /** Whether a WebSocket handshake with this Origin (none if null) succeeds. */
    private static boolean opens(int port, String origin) throws Exception {
        Map<String, String> headers = new HashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        WebSocketClient c = new WebSocketClient(URI.create("ws://127.0.0.1:" + port + "/"), headers) {
            @Override
            public void onOpen(ServerHandshake h) {
            }

            @Override
            public void onMessage(String message) {
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        try {
            return c.connectBlocking(TestNetwork.WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            c.closeBlocking();
        }
    }
}
