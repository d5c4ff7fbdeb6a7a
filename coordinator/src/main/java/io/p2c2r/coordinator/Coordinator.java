package io.p2c2r.coordinator;

import io.p2c2r.coordinator.core.Clock;
import io.p2c2r.coordinator.core.EventLoop;
import io.p2c2r.coordinator.core.Hub;
import io.p2c2r.coordinator.core.HubView;
import io.p2c2r.coordinator.core.Stats;
import io.p2c2r.coordinator.core.StatsReporter;
import io.p2c2r.coordinator.core.TaskObserver;
import io.p2c2r.coordinator.net.CoordinatorServer;
import io.p2c2r.coordinator.net.TlsServerFactory;
import io.p2c2r.coordinator.store.Snapshot;
import io.p2c2r.coordinator.store.Store;
import io.p2c2r.executors.ExecutorRegistry;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A running coordinator: database, event loop and WebSocket server, started together and stopped in
 * order (connections, then loop, then database) so that nothing written is lost. Thread-safe.
 */
public final class Coordinator implements AutoCloseable {
    private final Store store;
    private final EventLoop loop;
    private final Hub hub;
    private final CoordinatorServer server;
    private final Snapshot snapshot;
    private final int port;
    private boolean closed;

    private Coordinator(Store store, EventLoop loop, Hub hub, CoordinatorServer server, Snapshot snapshot, int port) {
        this.store = store;
        this.loop = loop;
        this.hub = hub;
        this.server = server;
        this.snapshot = snapshot;
        this.port = port;
    }

    /** Starts a coordinator whose listener, should it ever stop by itself, is only logged. */
    public static Coordinator start(CoordinatorConfig config, Console console) {
        return start(config, console, why -> console.error(why));
    }

    /**
     * Starts a coordinator. {@code onFatal} hears, on a thread of its own, if the listener stops when nobody
     * closed the coordinator; the program then exits so that its supervisor (systemd) restarts it.
     */
    public static Coordinator start(CoordinatorConfig config, Console console, Consumer<String> onFatal) {
        // TLS files first: a bad certificate stops the start before the database is claimed.
        TlsServerFactory tls = config.tls() == null ? null : TlsServerFactory.load(config.tls(), console);
        Store store;
        try {
            store = Store.open(config.database(), console::error);
        } catch (RuntimeException e) {
            if (tls != null) {
                tls.close();
            }
            throw e;
        }
        Snapshot snapshot = store.load(System.currentTimeMillis(), config.checking().holdWindow().toMillis(),
                config.checking().maxOpenChecks());
        store.start();
        EventLoop loop = new EventLoop(console);
        Hub hub = new Hub(config, console, store, loop::execute, Clock.system(), snapshot);
        Consumer<String> fatal = why -> {
            Thread t = new Thread(() -> onFatal.accept(why), "p2c2r-fatal");
            t.start();
        };
        CoordinatorServer server = new CoordinatorServer(new InetSocketAddress(config.host(), config.port()), config,
                loop, hub, console, ExecutorRegistry.builtIn(), tls, fatal);
        server.start();
        int port;
        try {
            port = server.started().get(15, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            loop.shutdown(1000);
            store.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": " + cause, cause);
        }
        loop.every(200, hub::tick);
        loop.every(config.statsInterval().toMillis(), new StatsReporter(hub::stats, console::block));
        loop.every(60_000, hub::purgeCache);
        loop.every(60_000, hub::grantDue);
        loop.execute(hub::purgeCache);
        loop.execute(hub::grantDue);
        return new Coordinator(store, loop, hub, server, snapshot, port);
    }

    /** The port actually listened on (useful when started with port 0). */
    public int port() {
        return port;
    }

    /** What the database held at startup. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** The network's counters, read on the event loop. */
    public CompletableFuture<Stats> stats() {
        CompletableFuture<Stats> f = new CompletableFuture<>();
        loop.execute(() -> f.complete(hub.stats()));
        return f;
    }

    /**
     * Lets {@code observer} hear task outcomes and hands {@code sink} a fresh {@link HubView} now and every
     * {@code periodMillis}; both run on the event loop, so they must be quick. For views such as the HTTP server.
     */
    public void watch(TaskObserver observer, long periodMillis, Consumer<HubView> sink) {
        loop.execute(() -> {
            hub.observe(observer);
            sink.accept(hub.view());
        });
        loop.every(periodMillis, () -> sink.accept(hub.view()));
    }

    /** Completes with a fresh {@link HubView} taken on the event loop. */
    public CompletableFuture<HubView> view() {
        CompletableFuture<HubView> f = new CompletableFuture<>();
        loop.execute(() -> f.complete(hub.view()));
        return f;
    }

    /** Completes once no result check is open: every checked task has been verified, corrected or given up. */
    public CompletableFuture<Void> checksSettled() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        loop.execute(() -> hub.whenChecksSettle(() -> f.complete(null)));
        return f;
    }

    /** Completes once every write the event loop has issued so far is committed to the database. */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        loop.execute(() -> store.flush().whenComplete((v, e) -> f.complete(null)));
        return f;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> goodbye = new CompletableFuture<>();
        loop.execute(() -> {
            hub.shutdown();
            goodbye.complete(null);
        });
        try {
            goodbye.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Still stop the server, the loop and the store below; the database keeps what was queued.
        }
        try {
            server.shutdown(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.shutdown(5000);
        store.close();
    }
}
