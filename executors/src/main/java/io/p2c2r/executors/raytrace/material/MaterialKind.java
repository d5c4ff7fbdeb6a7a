package io.p2c2r.executors.raytrace.material;

/** How a surface scatters light. */
public enum MaterialKind {
    /** Lambertian: {@code color / pi}. */
    DIFFUSE,
    /** A perfect mirror tinted by {@code color}. */
    MIRROR,
    /** A normalised Phong lobe around the mirror direction; {@code roughness} widens it. */
    GLOSSY,
    /** Glass-like: Fresnel-weighted mirror reflection and Snell refraction with index {@code ior}. */
    DIELECTRIC,
    /** Emits {@code emission} from its front side and scatters nothing. */
    EMISSIVE;

    /** Whether the wire name (lower case) names a kind, e.g. {@code "glossy"}. */
    public static MaterialKind fromWire(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
