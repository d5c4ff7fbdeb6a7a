package io.p2c2r.executors.ai.procgen;

import io.p2c2r.executors.image.Png;
import java.util.Map;

/**
 * Renders a map as an indexed-colour PNG, each cell a {@code scale} x {@code scale} block of its
 * character's colour (magenta for a character without one). Stateless.
 */
final class Preview {
    private Preview() {}

    static String base64(CharMap map, int scale, Map<Character, Integer> colors) {
        // palette position per character, in the map's own legend order so the bytes are stable
        char[] symbols = new char[colors.size()];
        int[] palette = new int[colors.size() + 1];
        int k = 0;
        for (Map.Entry<Character, Integer> e : colors.entrySet()) {
            symbols[k] = e.getKey();
            palette[k++] = e.getValue();
        }
        palette[k] = 0xFF00FF;
        byte[] byChar = new byte[Character.MAX_VALUE + 1];
        java.util.Arrays.fill(byChar, (byte) k);
        for (int i = 0; i < symbols.length; i++) {
            byChar[symbols[i]] = (byte) i;
        }
        int w = map.width * scale;
        int h = map.height * scale;
        byte[] index = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                index[y * w + x] = byChar[map.get(x / scale, y / scale)];
            }
        }
        return Png.base64(Png.indexed(w, h, index, palette));
    }
}
