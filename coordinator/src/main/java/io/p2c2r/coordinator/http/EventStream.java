package io.p2c2r.coordinator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events for the dashboard ({@code /api/events}): once a second its own thread, {@code p2c2r-http-sse},
 * takes the last published view, adds a sample to an hour of history and writes one {@code view} event to every
 * subscriber; a new subscriber first gets the {@code history}. HTTP threads only add subscribers and return, so an
 * open stream holds no HTTP thread. At most {@link #MAX_SUBSCRIBERS} at once. Thread-safe.
 */
final class EventStream implements AutoCloseable {
    static final int MAX_SUBSCRIBERS = 32;
    /** One sample a second for an hour. */
    static final int HISTORY = 3600;

    private final LiveView live;
    private final CopyOnWriteArrayList<HttpExchange> subscribers = new CopyOnWriteArrayList<>();
    private final ArrayDeque<ApiJson.Sample> history = new ArrayDeque<>(); // sse thread only, and copied under its lock
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "p2c2r-http-sse");
        t.setDaemon(true);
        return t;
    });
    private long lastTaken = -1;

    EventStream(LiveView live) {
        this.live = live;
        thread.scheduleWithFixedDelay(this::tick, 1000, 1000, TimeUnit.MILLISECONDS);
    }

    /** HTTP thread: starts the stream on this exchange (left open), or refuses with 503 when full. */
    void subscribe(HttpExchange ex) throws IOException {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            byte[] b = ("{\"error\":\"" + MAX_SUBSCRIBERS + " event streams are open, the limit\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, b.length);
            ex.getResponseBody().write(b);
            ex.close();
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        thread.execute(() -> {
            String history;
            synchronized (this.history) {
                history = ApiJson.history(new ArrayList<>(this.history));
            }
            if (write(ex, "history", history)) {
                LiveView.Published p = live.current();
                if (p != null && write(ex, "view", ApiJson.event(p))) {
                    subscribers.add(ex);
                }
            }
        });
    }

    private void tick() {
        LiveView.Published p = live.current();
        if (p == null || p.view().takenAtMillis() == lastTaken) {
            return;
        }
        lastTaken = p.view().takenAtMillis();
        ApiJson.Sample s = ApiJson.sample(p);
        synchronized (history) {
            history.addLast(s);
            if (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
        String event = ApiJson.event(p);
        List<HttpExchange> gone = new ArrayList<>();
        for (HttpExchange ex : subscribers) {
            if (!write(ex, "view", event)) {
                gone.add(ex);
            }
        }
        subscribers.removeAll(gone);
    }

    /** Writes one event; false (and the exchange closed) if the browser went away. */
    private static boolean write(HttpExchange ex, String name, String json) {
        try {
            OutputStream out = ex.getResponseBody();
            out.write(("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            ex.close(); // the browser closed the page: drop it
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        for (HttpExchange ex : subscribers) {
            ex.close();
        }
        subscribers.clear();
    }
}
