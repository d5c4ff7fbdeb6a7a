package io.p2c2r.executors.raytrace.scene;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.math.Ray;

/**
 * A pinhole camera at {@code position} looking at {@code lookAt}, with vertical field of view {@code vfovDeg};
 * the horizontal extent follows the frame's aspect ratio. Immutable.
 */
public record Camera(Vec3 position, Vec3 lookAt, Vec3 up, double vfovDeg) {
    public Camera {
        Vec3 forward = lookAt.minus(position);
        if (!(forward.length() > 0)) {
            throw new IllegalArgumentException("camera position and look_at must differ; both are " + position);
        }
        if (!(forward.cross(up).length() > 1e-9 * forward.length() * up.length())) {
            throw new IllegalArgumentException("camera up " + up + " must not be parallel to the view direction " + forward);
        }
        if (!(vfovDeg > 0 && vfovDeg < 180)) {
            throw new IllegalArgumentException("camera fov " + vfovDeg + " must be in (0, 180) degrees");
        }
    }

    /** The camera's view for a {@code width x height} frame: precomputed basis, so rays cost no trigonometry. */
    public View view(int width, int height) {
        Vec3 w = lookAt.minus(position).normalized();
        Vec3 u = w.cross(up).normalized();
        Vec3 v = u.cross(w);
        double tanHalf = StrictMath.tan(Math.toRadians(vfovDeg) / 2);
        return new View(position, w, u.times(tanHalf * width / height), v.times(tanHalf), width, height);
    }

    /** A camera basis bound to a frame size; {@link #ray} takes continuous pixel coordinates. Immutable. */
    public record View(Vec3 origin, Vec3 forward, Vec3 right, Vec3 upScaled, int width, int height) {
        /** The primary ray through frame position {@code (px, py)}, pixel (0,0) being the top-left corner. */
        public Ray ray(double px, double py) {
            double sx = 2 * px / width - 1;
            double sy = 1 - 2 * py / height;
            Vec3 d = forward.plusScaled(right, sx).plusScaled(upScaled, sy).normalized();
            return new Ray(origin, d);
        }
    }
}
