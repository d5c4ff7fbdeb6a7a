package io.p2c2r.tools;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy that makes a path slow and lossy, for where {@code tc netem} is missing: every accepted
 * connection is copied to {@code --target}, each direction through a {@link LossyLink} with half the RTT,
 * the loss and the throughput cap given. Runs until killed.
 *
 * <pre>java -cp p2c2r-tools.jar io.p2c2r.tools.LossyProxy --listen 127.0.0.1:9000 --target 10.77.0.1:8765 \
 *     --rtt-ms 100 --loss 0.01 [--bytes-per-second 0] [--seed 1]</pre>
 */
public final class LossyProxy {
    private LossyProxy() {}

    public static void main(String[] args) throws IOException {
        Args a = new Args(args);
        InetSocketAddress listen = a.address("--listen");
        InetSocketAddress target = a.address("--target");
        LinkModel model = LinkModel.of(a.number("--rtt-ms", 100), a.number("--loss", 0.01), (long) a.number("--bytes-per-second", 0));
        long seed = (long) a.number("--seed", 1);
        AtomicLong delivered = new AtomicLong();
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(listen, 512);
            System.out.printf("lossy proxy %s -> %s: rtt %.0f ms, loss %.3f per segment, rto %d ms, %s%n", listen, target,
                    model.oneWayNanos() * 2 / 1e6, model.loss(), model.rtoNanos() / 1_000_000,
                    model.bytesPerSecond() == 0 ? "no throughput cap" : model.bytesPerSecond() + " B/s each way");
            System.out.flush();
            while (true) {
                Socket client = server.accept();
                int n = connections.incrementAndGet();
                try {
                    Socket upstream = new Socket();
                    upstream.connect(target, 10_000);
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    new LossyLink(client, upstream, model, seed * 1_000_003 + 2L * n, delivered, "proxy-" + n + "-up");
                    new LossyLink(upstream, client, model, seed * 1_000_003 + 2L * n + 1, delivered, "proxy-" + n + "-down");
                } catch (IOException e) {
                    System.out.println("cannot reach " + target + ": " + e.getMessage());
                    client.close();
                }
            }
        }
    }

    /** {@code --name value} pairs; a missing address is a usage error naming it. */
    static final class Args {
        private final String[] args;

        Args(String[] args) {
            this.args = args;
        }

        String text(String name, String fallback) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals(name)) {
                    return args[i + 1];
                }
            }
            return fallback;
        }

        double number(String name, double fallback) {
            String v = text(name, null);
            try {
                return v == null ? fallback : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " '" + v + "' is not a number");
            }
        }

        InetSocketAddress address(String name) throws IOException {
            String v = text(name, null);
            if (v == null || v.lastIndexOf(':') < 0) {
                throw new IllegalArgumentException(name + " HOST:PORT is required");
            }
            int colon = v.lastIndexOf(':');
            return new InetSocketAddress(InetAddress.getByName(v.substring(0, colon)), Integer.parseInt(v.substring(colon + 1)));
        }
    }
}
