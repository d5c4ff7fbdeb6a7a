package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.task.TaskType;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Recently verified work whose answer is known, kept small (a few entries per type, small data only), from which
 * spot checks are drawn: an idle peer is sent one as if it were ordinary work, and its answer is compared with the
 * known digest. Event loop only.
 */
final class KnownAnswers {
    /** A verified task: its data, algorithm version, answer digest, and who contributed the answer. */
    record Known(TaskType type, String version, String cacheKey, RawJson data, long maxWorkUnits, String sha256,
                 Set<String> peerIds, Set<String> hosts) {
    }

    static final int PER_TYPE = 16;
    static final int MAX_DATA_CHARS = 16 * 1024;

    private final Map<TaskType, ArrayDeque<Known>> byType = new EnumMap<>(TaskType.class);

    void add(Known k) {
        if (k.data().text().length() > MAX_DATA_CHARS) {
            return;
        }
        ArrayDeque<Known> q = byType.computeIfAbsent(k.type(), t -> new ArrayDeque<>());
        q.removeIf(old -> old.cacheKey().equals(k.cacheKey()));
        q.addLast(k);
        while (q.size() > PER_TYPE) {
            q.removeFirst();
        }
    }

    /**
     * A known answer of a type this peer runs at that version, that neither it nor its host contributed
     * ({@code sameHost} lifts the host rule), chosen by {@code pick(bound)}; null if none.
     */
    Known draw(PeerState peer, boolean sameHost, IntUnaryOperator pick) {
        java.util.List<Known> fits = new java.util.ArrayList<>();
        for (ArrayDeque<Known> q : byType.values()) {
            for (Known k : q) {
                if (k.version().equals(peer.capabilities.tasks().get(k.type().wireName()))
                        && !k.peerIds().contains(peer.account.id) && (sameHost || !k.hosts().contains(peer.host))) {
                    fits.add(k);
                }
            }
        }
        return fits.isEmpty() ? null : fits.get(pick.applyAsInt(fits.size()));
    }

    int size() {
        return byType.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
