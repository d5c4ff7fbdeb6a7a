package io.p2c2r.executors.raytrace.render;

/** Counts rays cast for one row of pixels; owned by the one thread rendering that row. */
public final class RayCounter {
    private long rays;

    public void add(long n) {
        rays += n;
    }

    public long rays() {
        return rays;
    }
}
