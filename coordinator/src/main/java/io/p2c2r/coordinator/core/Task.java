package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.task.TaskType;
import java.util.HashSet;
import java.util.Set;

/** A submitted task on its way through lookup, queue and peers. Event loop only. */
final class Task {
    enum State { LOOKUP, QUEUED, RUNNING, DONE }

    final String id;
    final String requestId;
    final GamerState gamer;
    final TaskType type;
    final String version;
    final String cacheKey;
    final RawJson data;
    final long submittedNanos;
    final long timeoutNanos;
    final Set<String> triedPeers = new HashSet<>();
    State state = State.LOOKUP;
    PeerState peer;
    int attempts;
    /** Times a peer handed it back unfinished ({@code release_task}); only the first few are free. */
    int releases;
    long dispatchedNanos;
    long executionDeadlineNanos;

    Task(String id, String requestId, GamerState gamer, TaskType type, String version, String cacheKey, RawJson data,
         long submittedNanos, long timeoutNanos) {
        this.id = id;
        this.requestId = requestId;
        this.gamer = gamer;
        this.type = type;
        this.version = version;
        this.cacheKey = cacheKey;
        this.data = data;
        this.submittedNanos = submittedNanos;
        this.timeoutNanos = timeoutNanos;
    }

    long overallDeadlineNanos() {
        return submittedNanos + timeoutNanos;
    }
}
