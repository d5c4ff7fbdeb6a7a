package io.p2c2r.executors.ai.procgen;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The fields every map type shares: size, seed and the optional PNG preview. Immutable. */
record Common(String type, int width, int height, long seed, boolean preview, int previewScale) {
    static final int MIN_SIDE = 5;
    static final int MAX_SIDE = 1024;
    static final int MAX_CELLS = 1 << 20;
    static final int MAX_SCALE = 8;
    static final int MAX_PREVIEW_PIXELS = 1 << 21;
    /** Seeds stay within the integers a JSON double holds exactly. */
    static final long MAX_SEED = 1L << 53;
    private static final String[] FIELDS = {"type", "size", "seed", "preview", "preview_scale"};

    /** Parses the shared fields after refusing any field that is neither shared nor in {@code own}. */
    static Common parse(Params p, String type, String... own) {
        List<String> allowed = new ArrayList<>(Arrays.asList(FIELDS));
        allowed.addAll(Arrays.asList(own));
        p.allowOnly(allowed.toArray(new String[0]));
        int[] size = p.has("size") ? p.intArray("size", 2, 2, MIN_SIDE, MAX_SIDE) : new int[] {64, 64};
        long cells = (long) size[0] * size[1];
        if (cells > MAX_CELLS) {
            throw new InvalidTaskException(p.field("size") + " = [" + size[0] + ", " + size[1] + "] is " + cells
                    + " cells; the limit is " + MAX_CELLS);
        }
        long seed = p.longValue("seed", 0, -MAX_SEED, MAX_SEED);
        boolean preview = p.bool("preview", false);
        int autoScale = Math.max(1, Math.min(MAX_SCALE, 256 / Math.max(size[0], size[1])));
        int scale = p.intValue("preview_scale", autoScale, 1, MAX_SCALE);
        long pixels = cells * scale * scale;
        if (preview && pixels > MAX_PREVIEW_PIXELS) {
            throw new InvalidTaskException(p.field("preview_scale") + " = " + scale + " gives a " + pixels
                    + "-pixel preview; the limit is " + MAX_PREVIEW_PIXELS + " pixels");
        }
        return new Common(type, size[0], size[1], seed, preview, scale);
    }
}
