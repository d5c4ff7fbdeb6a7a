package io.p2c2r.executors.raytrace.render;

/** Where on an area light the shadow rays of one shading point go. */
public enum LightSampling {
    /** One ray to the light's centre: hard, noise-free shadows (Whitted, and shadow quality "low"). */
    CENTER,
    /** n = k*k rays, one jittered in each cell of a k x k grid over the light: soft shadows, low noise. */
    STRATIFIED
}
