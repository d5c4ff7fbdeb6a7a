package io.p2c2r.gamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultPrinterTest {
    @TempDir
    Path dir;

    @Test
    void pngFields_areSavedToFiles_andLongArraysAbbreviated() throws Exception {
        byte[] png = new byte[300];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, png, 0, magic.length);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("png_base64", Base64.getEncoder().encodeToString(png));
        result.put("heights", new int[3000]);
        result.put("width", 64);
        String shown = new ResultPrinter(dir).render("task_1", Codec.toRaw(result));
        Path saved = dir.resolve("task_1_png.png");
        assertArrayEquals(png, Files.readAllBytes(saved));
        assertTrue(shown.contains("image saved to " + saved), shown);
        assertTrue(shown.contains("... 2988 more"), shown);
        assertFalse(shown.contains("iVBOR"), shown);
        assertTrue(Files.exists(dir.resolve("task_1.json")), "large results are saved whole");
    }
}
