package io.p2c2r.executors.raytrace.material;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.math.Onb;
import io.p2c2r.executors.raytrace.math.Rng;

/**
 * Direction sampling and optics formulas. Samples avoid trigonometry (disk points come from rejection) so
 * that they are both fast and bit-exact in Java. Stateless.
 */
public final class Scattering {
    private Scattering() {}

    public static Vec3 reflect(Vec3 d, Vec3 n) {
        return d.minus(n.times(2 * d.dot(n)));
    }

    /**
     * The refracted direction of unit {@code d} through a surface with unit normal {@code n} facing
     * {@code d}'s origin side, for {@code eta} = n_from / n_to; null on total internal reflection.
     */
    public static Vec3 refract(Vec3 d, Vec3 n, double eta) {
        double cosI = -d.dot(n);
        double sin2T = eta * eta * (1 - cosI * cosI);
        if (sin2T > 1) {
            return null;
        }
        double cosT = Math.sqrt(1 - sin2T);
        return d.times(eta).plus(n.times(eta * cosI - cosT));
    }

    /**
     * The fraction of light a dielectric reflects for unit direction {@code d} meeting unit normal {@code n}
     * (facing {@code d}'s side) with {@code eta} = n_from / n_to: Schlick's approximation, evaluated at the
     * angle on the optically thinner side as it must be, and 1 under total internal reflection.
     */
    public static double reflectance(Vec3 d, Vec3 n, double eta) {
        double cosI = -d.dot(n);
        if (eta <= 1) {
            return schlick(cosI, eta);
        }
        double sin2T = eta * eta * (1 - cosI * cosI);
        return sin2T >= 1 ? 1 : schlick(Math.sqrt(1 - sin2T), eta);
    }

    /** Schlick's approximation of the Fresnel reflectance for incidence cosine {@code cosI}. */
    public static double schlick(double cosI, double eta) {
        double r0 = (1 - eta) / (1 + eta);
        r0 *= r0;
        double m = 1 - cosI;
        double m2 = m * m;
        return r0 + (1 - r0) * m2 * m2 * m;
    }

    /** A cosine-weighted direction about unit {@code n} (Malley's method); its pdf is cos(theta)/pi. */
    public static Vec3 cosineHemisphere(Vec3 n, Rng rng) {
        // a uniform point of the unit disk, by rejection from the square, lifted onto the hemisphere
        double x;
        double y;
        double r2;
        do {
            x = 2 * rng.nextDouble() - 1;
            y = 2 * rng.nextDouble() - 1;
            r2 = x * x + y * y;
        } while (r2 >= 1);
        return Onb.around(n).toWorld(x, y, Math.sqrt(1 - r2));
    }

    /** A direction from the normalised Phong lobe {@code cos^e(alpha)} about unit {@code axis}. */
    public static Vec3 phongLobe(Vec3 axis, double exponent, Rng rng) {
        double cosA = StrictMath.pow(rng.nextDouble(), 1.0 / (exponent + 1));
        double sinA = Math.sqrt(Math.max(0, 1 - cosA * cosA));
        double x;
        double y;
        double r2;
        do {
            x = 2 * rng.nextDouble() - 1;
            y = 2 * rng.nextDouble() - 1;
            r2 = x * x + y * y;
        } while (r2 >= 1 || r2 == 0);
        double len = Math.sqrt(r2);
        double cx = x / len;
        double cy = y / len;
        return Onb.around(axis).toWorld(sinA * cx, sinA * cy, cosA);
    }
}
