package io.p2c2r.coordinator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.p2c2r.coordinator.Coordinator;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The coordinator's read-only HTTP side: {@code /metrics} (Prometheus text), {@code /api/status}, {@code /api/peers},
 * {@code /api/tasks}, {@code /api/books}, {@code /api/types} (JSON), {@code /api/events} (server-sent events), the
 * dashboard {@code /} and the playground {@code /play}. It runs on threads of its own and reads only what the event loop
 * publishes ({@link LiveView}), once a second. Create with {@link #start}; {@link #close} stops its server and threads.
 */
public final class HttpViews implements AutoCloseable {
    /** How often the loop publishes a fresh view. */
    static final long PUBLISH_MILLIS = 1000;
    private static final int THREADS = 2;

    private final HttpServer server;
    private final ExecutorService threads;
    private final LiveView live;
    private final Coordinator coordinator;
    private final EventStream events;

    private HttpViews(HttpServer server, ExecutorService threads, LiveView live, Coordinator coordinator) {
        this.server = server;
        this.threads = threads;
        this.live = live;
        this.coordinator = coordinator;
        this.events = new EventStream(live);
    }

    /** Listens on {@code host:port} (0 = any free port) and starts watching {@code coordinator}. */
    public static HttpViews start(Coordinator coordinator, String host, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("http port = " + port + " must be in [0, 65535]");
        }
        LiveView live = new LiveView();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for HTTP on " + host + ":" + port + ": " + e, e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "p2c2r-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        HttpViews views = new HttpViews(server, threads, live, coordinator);
        PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();
        server.createContext("/metrics", ex -> views.serve(ex, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            text.write(out, live.metrics().registry().scrape());
            return new Body(PrometheusTextFormatWriter.CONTENT_TYPE, out.toByteArray());
        }));
        Map<String, Function<LiveView.Published, String>> api = Map.of("/api/status", ApiJson::status,
                "/api/peers", ApiJson::peers, "/api/tasks", ApiJson::tasks, "/api/books", ApiJson::books);
        api.forEach((path, render) -> server.createContext(path, ex -> views.serve(ex, () -> json(render.apply(live.current())))));
        String types = ApiJson.types(coordinator.port());
        server.createContext("/api/types", ex -> views.serve(ex, () -> json(types)));
        server.createContext("/api/events", ex -> {
            if (!"GET".equals(ex.getRequestMethod()) || live.current() == null) {
                views.serve(ex, () -> json("{}")); // the usual 405 or 503
            } else {
                views.events.subscribe(ex);
            }
        });
        for (Map.Entry<String, Body> page : WebFiles.load().entrySet()) {
            server.createContext(page.getKey(), ex -> views.serve(ex, page::getValue));
        }
        coordinator.watch(live, PUBLISH_MILLIS, live::publish);
        server.start();
        return views;
    }

    /** Publishes a fresh view now instead of within a second; completes once readers see it. */
    public CompletableFuture<Void> refresh() {
        return coordinator.view().thenAccept(live::publish);
    }

    /** The port actually listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    record Body(String contentType, byte[] bytes) {
    }

    private interface Render {
        Body render() throws IOException;
    }

    private static Body json(String text) {
        return new Body("application/json; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private void serve(HttpExchange ex, Render render) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                reply(ex, 405, json("{\"error\":\"method " + method + " is not allowed; use GET\"}"), false);
            } else if (!ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath())) {
                reply(ex, 404, json("{\"error\":\"no such path\"}"), head);
            } else if (live.current() == null) {
                reply(ex, 503, json("{\"error\":\"starting; no view published yet\"}"), head);
            } else {
                reply(ex, 200, render.render(), head);
            }
        }
    }

    private static void reply(HttpExchange ex, int status, Body body, boolean head) throws IOException {
        ex.getResponseHeaders().set("Content-Type", body.contentType());
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, head ? -1 : body.bytes().length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body.bytes());
            }
        }
    }

    @Override
    public void close() {
        events.close();
        server.stop(0);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(2, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
