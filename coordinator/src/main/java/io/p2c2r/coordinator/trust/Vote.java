package io.p2c2r.coordinator.trust;

/** One peer's answer to a checked task: who, from which host, and the digest of what it computed. */
public record Vote(String runId, String peerId, String host, String sha256) {
}
