package io.p2c2r.executors.physics.math;

import io.p2c2r.executors.math.Vec3;

/**
 * Eigen-decomposition of a symmetric 3x3 matrix by cyclic Jacobi rotations (a fixed sweep order, so the
 * result is deterministic), used to find principal axes of inertia. Stateless and thread-safe.
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 50;

    private SymmetricEigen() {}

    /** Eigenvalues and the right-handed rotation whose columns are the matching unit eigenvectors. */
    public record Result(Vec3 values, Mat3 vectors) {
    }

    public static Result of(Mat3 m) {
        double[][] a = {{m.m00(), m.m01(), m.m02()}, {m.m10(), m.m11(), m.m12()}, {m.m20(), m.m21(), m.m22()}};
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double scale = Math.abs(a[0][0]) + Math.abs(a[1][1]) + Math.abs(a[2][2]) + 1e-300;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
            if (off <= 1e-15 * scale) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        Mat3 vec = new Mat3(v[0][0], v[0][1], v[0][2], v[1][0], v[1][1], v[1][2], v[2][0], v[2][1], v[2][2]);
        if (vec.column(0).cross(vec.column(1)).dot(vec.column(2)) < 0) {
            vec = new Mat3(v[0][0], v[0][1], -v[0][2], v[1][0], v[1][1], -v[1][2], v[2][0], v[2][1], -v[2][2]);
        }
        return new Result(new Vec3(a[0][0], a[1][1], a[2][2]), vec);
    }

    /** One Jacobi rotation zeroing a[p][q] (Numerical Recipes' stable form, square roots only). */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        if (a[p][q] == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < 3; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < 3; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < 3; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
