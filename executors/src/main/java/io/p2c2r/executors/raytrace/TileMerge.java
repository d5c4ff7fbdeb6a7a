package io.p2c2r.executors.raytrace;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.image.Png;
import io.p2c2r.executors.image.PngReader;
import io.p2c2r.executors.raytrace.image.ImageStats;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Puts the results of a render's tiles ({@link Tiles#bands}) back together into the result one peer would have
 * returned for the whole region: the same fields in the same order, the pixels copied row by row, the PNG
 * encoded again by {@link Png} (so byte for byte the whole render's), the rays summed, and the statistics and
 * {@code work_units} computed for the whole. Refuses tiles that do not fit together, naming the tile and field.
 * Pure and stateless; CPU-heavy (decoding and encoding the image), so callers run it off latency-critical threads.
 */
public final class TileMerge {
    /** The fields that differ from tile to tile; every other field must be equal in all of them. */
    private static final Set<String> PER_TILE = Set.of("width", "height", "tile", "rays_traced", "mean_luminance",
            "rgb_sha256", "png_base64", TaskExecutor.WORK_UNITS);

    private TileMerge() {}

    /** Merges {@code results}, tile i being the render of {@code rects.get(i)}, into the result for {@code region}. */
    public static Map<String, Object> merge(int[] region, List<int[]> rects, List<RawJson> results) {
        if (rects.size() != results.size() || rects.isEmpty()) {
            throw new IllegalArgumentException(results.size() + " tile results for " + rects.size() + " tiles");
        }
        int width = region[2] - region[0];
        int height = region[3] - region[1];
        byte[] rgb = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        Map<String, Object> first = null;
        long rays = 0;
        long fixedUnits = -1;
        for (int i = 0; i < rects.size(); i++) {
            int[] r = rects.get(i);
            String name = "tile " + i + " " + Arrays.toString(r);
            if (!(Codec.tree(results.get(i)) instanceof Map<?, ?> raw)) {
                throw new IllegalArgumentException(name + ": the result is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> tile = (Map<String, Object>) raw;
            if (first == null) {
                first = tile;
            } else {
                sameShared(first, tile, name);
            }
            int w = r[2] - r[0];
            int h = r[3] - r[1];
            if (r[0] != region[0] || r[2] != region[2] || r[1] < region[1] || r[3] > region[3]) {
                throw new IllegalArgumentException(name + " is not a full-width band of the region " + Arrays.toString(region));
            }
            if (integer(tile, "width", name) != w || integer(tile, "height", name) != h
                    || !List.of(dec(r[0]), dec(r[1]), dec(r[2]), dec(r[3])).equals(tile.get("tile"))) {
                throw new IllegalArgumentException(name + ": the result is for tile " + tile.get("tile") + " of "
                        + tile.get("width") + " x " + tile.get("height"));
            }
            PngReader.Image image = PngReader.rgb(Base64.getDecoder().decode(text(tile, "png_base64", name)), (long) w * h);
            if (image.width() != w || image.height() != h) {
                throw new IllegalArgumentException(name + ": png_base64 is " + image.width() + " x " + image.height());
            }
            if (!ImageStats.sha256(image.rgb()).equals(tile.get("rgb_sha256"))) {
                throw new IllegalArgumentException(name + ": rgb_sha256 is not the digest of its png_base64's pixels");
            }
            System.arraycopy(image.rgb(), 0, rgb, (r[1] - region[1]) * width * 3, image.rgb().length);
            long tileRays = integer(tile, "rays_traced", name);
            rays = Math.addExact(rays, tileRays);
            // work_units = rays + PIXEL_UNITS per pixel + a part that depends on the scene alone (RayBudget.workUnits)
            long fixed = integer(tile, TaskExecutor.WORK_UNITS, name) - tileRays - RayBudget.PIXEL_UNITS * w * h;
            if (fixedUnits >= 0 && fixed != fixedUnits || fixed < 0) {
                throw new IllegalArgumentException(name + ": work_units does not fit its rays and pixels like the other tiles'");
            }
            fixedUnits = fixed;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : first.keySet()) {
            out.put(key, switch (key) {
                case "width" -> width;
                case "height" -> height;
                case "tile" -> List.of(region[0], region[1], region[2], region[3]);
                case "rays_traced" -> rays;
                case "mean_luminance" -> ImageStats.meanLuminance(rgb);
                case "rgb_sha256" -> ImageStats.sha256(rgb);
                case "png_base64" -> Png.base64(Png.rgb(width, height, rgb));
                case TaskExecutor.WORK_UNITS -> rays + RayBudget.PIXEL_UNITS * width * height + fixedUnits;
                default -> first.get(key);
            });
        }
        return out;
    }

    private static void sameShared(Map<String, Object> first, Map<String, Object> tile, String name) {
        if (!first.keySet().equals(tile.keySet())) {
            throw new IllegalArgumentException(name + ": its fields " + tile.keySet() + " differ from tile 0's " + first.keySet());
        }
        for (String key : first.keySet()) {
            if (!PER_TILE.contains(key) && !Objects.equals(first.get(key), tile.get(key))) {
                throw new IllegalArgumentException(name + ": " + key + " = " + tile.get(key) + " differs from tile 0's "
                        + first.get(key));
            }
        }
    }

    private static BigDecimal dec(int v) {
        return BigDecimal.valueOf(v);
    }

    private static long integer(Map<String, Object> tile, String key, String name) {
        if (!(tile.get(key) instanceof BigDecimal d)) {
            throw new IllegalArgumentException(name + ": " + key + " = " + tile.get(key) + " is not a number");
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + ": " + key + " = " + d + " is not an integer", e);
        }
    }

    private static String text(Map<String, Object> tile, String key, String name) {
        if (!(tile.get(key) instanceof String s)) {
            throw new IllegalArgumentException(name + ": " + key + " is missing or not a string");
        }
        return s;
    }
}
