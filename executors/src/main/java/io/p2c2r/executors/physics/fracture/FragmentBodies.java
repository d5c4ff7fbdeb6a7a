package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.math.Mat3;
import io.p2c2r.executors.physics.math.Quat;
import io.p2c2r.executors.physics.math.SymmetricEigen;
import io.p2c2r.executors.physics.rigid.ConvexHull;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a fragment into a rigid-body hull: computes its inertia tensor about the centroid (sum of signed
 * tetrahedra, Tonon 2004), diagonalises it, and expresses the vertices in the principal frame. The
 * returned {@code frame} is the rotation from that frame to the world at rest. Stateless.
 */
public final class FragmentBodies {
    private FragmentBodies() {}

    /** A hull in principal coordinates and the orientation that puts it back where the fragment lies. */
    public record Principal(ConvexHull hull, Quat frame) {
    }

    public static Principal of(ConvexPolyhedron p) {
        Vec3 c = p.centroid();
        double volume = p.volume();
        if (!(volume > 0)) {
            throw new IllegalArgumentException("fragment volume = " + volume + " must be > 0 to have an inertia");
        }
        double[][] cov = new double[3][3]; // second moments of the volume about the centroid
        for (int[] f : p.faces()) {
            Vec3 a = p.vertices().get(f[0]).minus(c);
            for (int k = 1; k + 1 < f.length; k++) {
                Vec3 b = p.vertices().get(f[k]).minus(c);
                Vec3 d = p.vertices().get(f[k + 1]).minus(c);
                double det = a.dot(b.cross(d));
                Vec3 s = a.plus(b).plus(d);
                Vec3[] pts = {a, b, d};
                // Tetrahedron (0, a, b, d): integral of x x^T = det / 120 (sum p p^T + s s^T).
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        double sum = s.get(i) * s.get(j);
                        for (Vec3 q : pts) {
                            sum += q.get(i) * q.get(j);
                        }
                        cov[i][j] += det / 120 * sum;
                    }
                }
            }
        }
        double tr = cov[0][0] + cov[1][1] + cov[2][2];
        // Inertia per unit mass: (trace(C) E - C) / volume.
        Mat3 inertia = new Mat3(
                (tr - cov[0][0]) / volume, -cov[0][1] / volume, -cov[0][2] / volume,
                -cov[1][0] / volume, (tr - cov[1][1]) / volume, -cov[1][2] / volume,
                -cov[2][0] / volume, -cov[2][1] / volume, (tr - cov[2][2]) / volume);
        SymmetricEigen.Result eig = SymmetricEigen.of(inertia);
        Mat3 axes = eig.vectors();
        List<Vec3> local = new ArrayList<>(p.vertices().size());
        for (Vec3 v : p.vertices()) {
            local.add(axes.transposeTimes(v.minus(c)));
        }
        Vec3 moments = new Vec3(Math.max(eig.values().x(), 1e-12), Math.max(eig.values().y(), 1e-12),
                Math.max(eig.values().z(), 1e-12));
        return new Principal(ConvexHull.of(local, p.faces(), volume, moments), Quat.fromMatrix(axes));
    }
}
