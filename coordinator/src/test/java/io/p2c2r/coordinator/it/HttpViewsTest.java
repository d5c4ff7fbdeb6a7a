package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.coordinator.http.HttpViews;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side against a real coordinator, peer and gamer: /metrics parses strictly and agrees with the database. */
class HttpViewsTest {
    private static final String PATH = TaskType.AI_PATHFINDING.wireName();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void metrics_andApi_agreeWithTheDatabase_afterARun() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            HttpViews views = HttpViews.start(net.coordinator(), "127.0.0.1", 0);
            net.closeLater(views);
            net.peer("peer_a", 2);
            P2c2rClient gamer = net.gamer("gamer_a");
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(gamer.submit(PATH, TestNetwork.path(i), null));
            }
            sent.add(gamer.submit(TaskType.AI_PROCEDURAL.wireName(), TaskType.AI_PROCEDURAL.seedData(), null));
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            // The same work again: two cache hits.
            assertTrue(gamer.submit(PATH, TestNetwork.path(0), null).get(30, TimeUnit.SECONDS).result().cached());
            assertTrue(gamer.submit(PATH, TestNetwork.path(1), null).get(30, TimeUnit.SECONDS).result().cached());
            net.coordinator().flush().get(30, TimeUnit.SECONDS);
            views.refresh().get(30, TimeUnit.SECONDS);

            HttpResponse<String> res = get(views, "/metrics");
            assertEquals(200, res.statusCode());
            assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            PromText m = PromText.parse(res.body());

            assertEquals(6, m.get("p2c2r_tasks_total{outcome=completed,type=" + PATH + "}"));
            for (String type : new String[] {PATH, TaskType.AI_PROCEDURAL.wireName()}) {
                for (String outcome : new String[] {"completed", "cached", "failed"}) {
                    assertEquals(net.queryLong("SELECT count(*) FROM tasks WHERE task_type = '" + type + "' AND status = '"
                            + outcome + "'"), m.get("p2c2r_tasks_total{outcome=" + outcome + ",type=" + type + "}"), type + " " + outcome);
                }
                assertEquals(net.queryLong("SELECT count(*) FROM runs r JOIN tasks t ON t.task_id = r.task_id WHERE t.task_type = '"
                        + type + "' AND r.kind = 'primary'"), m.get("p2c2r_peer_processing_seconds_count{kind=primary,type=" + type + "}"));
            }
            assertEquals(net.queryLong("SELECT count(*) FROM tasks WHERE status = 'cached'"), m.get("p2c2r_cache_hits_total{}"));
            assertEquals(2, m.get("p2c2r_cache_hits_total{}"));
            assertEquals(9, m.get("p2c2r_task_duration_seconds_count{outcome=completed,type=" + PATH + "}")
                    + m.get("p2c2r_task_duration_seconds_count{outcome=cached,type=" + PATH + "}")
                    + m.get("p2c2r_task_duration_seconds_count{outcome=completed,type=" + TaskType.AI_PROCEDURAL.wireName() + "}"));
            // Money, to the nano-dollar (doubles hold integers exactly up to 2^53 nanos, about $9 million).
            long spent = net.queryLong("SELECT sum(total_spent_nanos) FROM gamers");
            assertTrue(spent > 0);
            assertEquals(spent, (long) m.get("p2c2r_gamer_spent_nanos{}"));
            assertEquals(net.queryLong("SELECT sum(gamer_charge_nanos) FROM ledger"), spent);
            assertEquals(net.queryLong("SELECT coalesce(sum(fee_nanos), 0) FROM ledger"), (long) m.get("p2c2r_fee_revenue_nanos{}"));
            assertEquals(net.queryLong("SELECT sum(total_earned_nanos) FROM peers"), (long) m.get("p2c2r_peer_earnings_granted_nanos{}"));
            assertEquals(net.queryLong("SELECT sum(pending_nanos) FROM peers"), (long) m.get("p2c2r_peer_earnings_pending_nanos{}"));
            assertEquals(net.queryLong("SELECT sum(peer_earning_nanos) FROM ledger WHERE status = 'pending'"),
                    (long) m.get("p2c2r_peer_earnings_pending_nanos{}"));
            assertEquals(1, m.get("p2c2r_peers_connected{}"));
            assertEquals(1, m.get("p2c2r_gamers_connected{}"));
            assertEquals(0, m.get("p2c2r_queue_depth{}"));
            assertEquals("gauge", m.types.get("jvm_memory_used_bytes"));
            assertEquals("histogram", m.types.get("p2c2r_task_duration_seconds"));
            assertTrue(m.samples.keySet().stream().noneMatch(k -> k.contains("peer_a") || k.contains("gamer_a")),
                    "no label names a peer or a gamer");

            Map<?, ?> peers = json(views, "/api/peers");
            List<?> list = (List<?>) peers.get("peers");
            assertEquals(1, list.size());
            Map<?, ?> peer = (Map<?, ?>) list.get(0);
            assertEquals("peer_a", peer.get("id"));
            assertEquals(new BigDecimal(2), peer.get("slots"));
            assertEquals(BigDecimal.valueOf(net.queryLong("SELECT pending_nanos FROM peers WHERE peer_id = 'peer_a'")),
                    peer.get("pending_nanos"));
            List<?> tasks = (List<?>) json(views, "/api/tasks").get("tasks");
            assertEquals(9, tasks.size());
            assertEquals("cached", ((Map<?, ?>) tasks.get(0)).get("outcome"), "newest first");
            Map<?, ?> books = json(views, "/api/books");
            assertEquals(BigDecimal.valueOf(spent), books.get("gamer_spent_nanos"));
            Map<?, ?> status = (Map<?, ?>) json(views, "/api/status").get("stats");
            assertEquals(new BigDecimal(1), status.get("active_peers"));

            assertEquals(404, get(views, "/api/nothing").statusCode());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(views, "/api/status"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void pagesAndEventStream_areServedFromTheJar() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            HttpViews views = HttpViews.start(net.coordinator(), "127.0.0.1", 0);
            net.closeLater(views);
            net.peer("peer_a", 1);
            views.refresh().get(30, TimeUnit.SECONDS);
            for (String path : new String[] {"/", "/play", "/static/dashboard.js", "/static/play.js", "/static/p2c2r.js"}) {
                HttpResponse<String> page = get(views, path);
                assertEquals(200, page.statusCode(), path);
                assertTrue(page.body().length() > 100, path);
            }
            assertTrue(get(views, "/static/p2c2r.js").body().contains("export function connect"), "the clients/js module");
            Map<?, ?> types = json(views, "/api/types");
            assertEquals(BigDecimal.valueOf(net.port()), types.get("task_port"));
            assertEquals(TaskType.values().length, ((List<?>) types.get("types")).size());
            // The event stream: its history first, then a view naming the connected peer.
            HttpResponse<java.util.stream.Stream<String>> sse = http.send(HttpRequest.newBuilder(uri(views, "/api/events")).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertTrue(sse.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            List<String> lines = CompletableFuture.supplyAsync(() -> sse.body().filter(l -> l.startsWith("event:") || l.startsWith("data:"))
                    .limit(4).toList()).get(30, TimeUnit.SECONDS);
            assertEquals("event: history", lines.get(0));
            assertEquals("event: view", lines.get(2));
            assertTrue(lines.get(3).contains("\"peer_a\""), lines.get(3));
        }
    }

    @Test
    void strictParser_refusesMalformedExpositions() {
        assertThrows(IllegalArgumentException.class, () -> PromText.parse("x_total 1\n"), "no TYPE");
        assertThrows(IllegalArgumentException.class, () -> PromText.parse("# TYPE x counter\nx_total{a=\"1\"} one\n"));
        assertThrows(IllegalArgumentException.class, () -> PromText.parse("# TYPE x counter\nx_total{a=1} 1\n"));
        assertThrows(IllegalArgumentException.class, () -> PromText.parse("# TYPE x counter\nx_total 1\nx_total 2\n"));
        assertThrows(IllegalArgumentException.class, () -> PromText.parse("# TYPE h histogram\nh_bucket{le=\"1\"} 2\n"
                + "h_bucket{le=\"+Inf\"} 1\nh_count 1\n"), "decreasing buckets");
        assertThrows(IllegalArgumentException.class, () -> PromText.parse("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 3\n"
                + "h_count 2\n"), "+Inf differs from count");
        assertEquals(2.5, PromText.parse("# TYPE g gauge\ng{a=\"x\"} 2.5\n").get("g{a=x}"));
    }

    private HttpResponse<String> get(HttpViews views, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(views, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<?, ?> json(HttpViews views, String path) throws Exception {
        HttpResponse<String> res = get(views, path);
        assertEquals(200, res.statusCode(), path + ": " + res.body());
        return (Map<?, ?>) Codec.tree(Codec.raw(res.body()));
    }

    private static URI uri(HttpViews views, String path) {
        return URI.create("http://127.0.0.1:" + views.port() + path);
    }
}
