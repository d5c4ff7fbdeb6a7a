package io.p2c2r.gamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.RawJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultPrinterTest {
    @TempDir
    Path dir;

    private static byte[] png(int size) {
        byte[] png = new byte[size];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, png, 0, magic.length);
        return png;
    }

    private static RawJson render(byte[] png, int heights) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("width", 64);
        result.put("height", 36);
        result.put("frame", new int[] {64, 36});
        result.put("bounces", 2);
        result.put("samples_per_pixel", 1);
        result.put("lights", 3);
        result.put("rays_traced", 1234567);
        result.put("mean_luminance", 0.386341);
        result.put("png_base64", Base64.getEncoder().encodeToString(png));
        result.put("render_ms", 12);
        result.put("heights", new int[heights]);
        return Codec.toRaw(result);
    }

    private long files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void images_areSavedNamedByTypeAndTask_andAReadableSummaryIsShown() throws Exception {
        byte[] png = png(300);
        String shown = new ResultPrinter(new OutputFiles(dir), false).render("rt_shadows", "task_1", render(png, 3000));
        Path saved = dir.resolve("rt_shadows-task_1.png");
        assertArrayEquals(png, Files.readAllBytes(saved));
        assertTrue(shown.contains("rendered 64x36: 1,234,567 rays (2 bounce(s), 1 sample(s) per pixel, 3 light(s)), mean luminance 0.386"), shown);
        assertTrue(shown.contains("image: " + saved), shown);
        assertFalse(shown.contains("iVBOR"), shown);
        assertTrue(Files.exists(dir.resolve("rt_shadows-task_1.json")), "large results are saved whole");
        assertTrue(shown.contains("full result: " + dir.resolve("rt_shadows-task_1.json")), shown);
    }

    @Test
    void aCacheHit_withTheSameImage_isNotSavedAgain() throws Exception {
        ResultPrinter printer = new ResultPrinter(new OutputFiles(dir), false);
        printer.render("rt_shadows", "task_1", render(png(300), 10));
        String again = printer.render("rt_shadows", "task_2", render(png(300), 10));
        assertEquals(1, files(), "one image for two identical results");
        assertTrue(again.contains("rt_shadows-task_1.png (the same as an earlier result)"), again);
        printer.render("rt_shadows", "task_3", render(png(301), 10));
        assertEquals(2, files());
    }

    @Test
    void fullJson_onRequest_showsEveryFieldUnabbreviated_withImagesAsFiles() {
        String full = new ResultPrinter(new OutputFiles(dir), true).render("rt_shadows", "task_1", render(png(300), 20));
        assertTrue(full.contains("\"render_ms\": 12"), full);
        assertFalse(full.contains("more"), full);
        assertTrue(full.contains("\"png_base64\": \"saved to " + dir.resolve("rt_shadows-task_1.png") + "\""), full);
    }

    @Test
    void nestedAndProceduralImages_areNamedByTheirField() throws Exception {
        String fluid = "{\"density_slice\":{\"axis\":\"z\",\"png_base64\":\"" + Base64.getEncoder().encodeToString(png(200)) + "\"}}";
        new ResultPrinter(new OutputFiles(dir), false).render("physics_fluid", "task_9", Codec.raw(fluid));
        assertTrue(Files.exists(dir.resolve("physics_fluid-task_9-density_slice.png")));
        String map = "{\"type\":\"terrain\",\"png\":\"" + Base64.getEncoder().encodeToString(png(250)) + "\"}";
        new ResultPrinter(new OutputFiles(dir), false).render("ai_procedural", "task_8", Codec.raw(map));
        assertTrue(Files.exists(dir.resolve("ai_procedural-task_8.png")), "a procedural preview is saved too");
    }
}
