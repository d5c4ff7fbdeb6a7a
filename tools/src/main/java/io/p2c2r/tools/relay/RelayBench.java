package io.p2c2r.tools.relay;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.server.WebSocketServer;

/**
 * The raw WebSocket baseline of {@code scripts/bench-relay.sh}, one process per part as in the routed path:
 * {@code echo} starts an {@link EchoServer} and {@code relay} a {@link Relay} in front of it, each on 127.0.0.1 at
 * any free port, which it prints; {@code load} drives a relay with {@link LoadClient} and prints throughput and
 * latency in the same form as {@code gamer.jar bench}.
 *
 * <pre>java -cp p2c2r-tools.jar io.p2c2r.tools.relay.RelayBench echo
 * java -cp p2c2r-tools.jar io.p2c2r.tools.relay.RelayBench relay --upstream-port 40122
 * java -cp p2c2r-tools.jar io.p2c2r.tools.relay.RelayBench load --port 40123 --messages 20000 --connections 4 --in-flight 8</pre>
 */
public final class RelayBench {
    private RelayBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "" : args[0];
        if (!mode.equals("echo") && !mode.equals("relay") && !mode.equals("load")) {
            System.err.println("usage: RelayBench echo | relay --upstream-port P"
                    + " | load --port P [--messages N] [--connections C] [--in-flight F] [--bytes B]");
            System.exit(2);
        }
        Options o = new Options(Arrays.copyOfRange(args, 1, args.length));
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        if (mode.equals("echo")) {
            serve("Echo", started -> new EchoServer(any, started));
        } else if (mode.equals("relay")) {
            URI upstream = URI.create("ws://127.0.0.1:" + o.number("--upstream-port", -1));
            serve("Relay", started -> new Relay(any, upstream, started));
        } else {
            int code = new LoadClient(URI.create("ws://127.0.0.1:" + o.number("--port", -1)), o.number("--messages", 10_000),
                    o.number("--connections", 1), o.number("--in-flight", 1), o.number("--bytes", 256)).run(System.out);
            System.exit(code);
        }
    }

    /** Starts a server, prints its port, and runs until the process is stopped. */
    private static void serve(String what, java.util.function.Function<Runnable, WebSocketServer> make) throws InterruptedException {
        CountDownLatch up = new CountDownLatch(1);
        WebSocketServer server = make.apply(up::countDown);
        server.start();
        if (!up.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the " + what + " did not start within 30 s");
        }
        System.out.println(what + " listening on 127.0.0.1:" + server.getPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "relay-bench-shutdown"));
        new CountDownLatch(1).await(); // until the script stops this process
    }

    /** {@code --name value} pairs; a missing required one or a non-number names itself. */
    private record Options(String[] args) {
        int number(String name, int fallback) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals(name)) {
                    try {
                        return Integer.parseInt(args[i + 1]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(name + " '" + args[i + 1] + "' is not a whole number");
                    }
                }
            }
            if (fallback < 0) {
                throw new IllegalArgumentException(name + " is required");
            }
            return fallback;
        }
    }
}
