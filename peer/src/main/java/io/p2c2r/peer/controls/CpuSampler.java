package io.p2c2r.peer.controls;

import java.util.Optional;

/** Reads the machine's cumulative CPU times; empty where the platform offers no such figures. */
@FunctionalInterface
public interface CpuSampler {
    Optional<CpuTimes> sample();
}
