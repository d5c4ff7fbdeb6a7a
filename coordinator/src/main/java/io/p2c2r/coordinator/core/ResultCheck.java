package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.ProtocolException;

/**
 * A peer's {@code task_result} checked before it reaches the event loop: the result's canonical SHA-256 is
 * recomputed and compared with the peer's {@code result_sha256}, and its {@code work_units} read. Built on socket
 * threads, so the loop never parses a result. Immutable.
 */
public record ResultCheck(PeerTaskResult message, String sha256, Long workUnits, String mismatch) {

    public static ResultCheck check(PeerTaskResult r) {
        if (!PeerTaskResult.COMPLETED.equals(r.status())) {
            return new ResultCheck(r, null, null, null);
        }
        Codec.ResultDigest d;
        try {
            d = Codec.digestResult(r.result());
        } catch (ProtocolException e) {
            return new ResultCheck(r, null, null, "result is not valid JSON: " + e.getMessage());
        }
        if (!d.sha256().equals(r.resultSha256())) {
            return new ResultCheck(r, d.sha256(), d.workUnits(), "result_sha256 " + r.resultSha256()
                    + " is not the SHA-256 of the result's canonical JSON (" + d.sha256() + ")");
        }
        return new ResultCheck(r, d.sha256(), d.workUnits(), null);
    }
}
