package io.p2c2r.tools.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RelayTest {
    @Test
    void load_throughRelayAndEcho_answersEveryMessage() throws Exception {
        CountDownLatch echoUp = new CountDownLatch(1);
        EchoServer echo = new EchoServer(new InetSocketAddress("127.0.0.1", 0), echoUp::countDown);
        echo.start();
        assertTrue(echoUp.await(10, TimeUnit.SECONDS), "echo server started");
        CountDownLatch relayUp = new CountDownLatch(1);
        Relay relay = new Relay(new InetSocketAddress("127.0.0.1", 0), URI.create("ws://127.0.0.1:" + echo.getPort()),
                relayUp::countDown);
        relay.start();
        try {
            assertTrue(relayUp.await(10, TimeUnit.SECONDS), "relay started");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code = new LoadClient(URI.create("ws://127.0.0.1:" + relay.getPort()), 500, 2, 4, 64)
                    .run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, out);
            assertTrue(out.contains("Completed: 500 ok, 0 unanswered"), out);
            assertTrue(out.contains("Latency ms: p50 "), out);
        } finally {
            relay.stop(1000);
            echo.stop(1000);
        }
    }
}
