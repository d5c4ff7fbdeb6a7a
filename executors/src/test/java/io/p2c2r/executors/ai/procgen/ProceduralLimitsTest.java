package io.p2c2r.executors.ai.procgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.PoolContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProceduralLimitsTest {
    private final ProceduralExecutor executor = new ProceduralExecutor();

    private String refusal(String json) {
        return assertThrows(InvalidTaskException.class, () -> executor.validate(Codec.params(json))).getMessage();
    }

    @Test
    void preview_isAPngOfTheMapTimesTheScale() throws IOException {
        Map<String, Object> r = executor.execute(Codec.params(
                "{\"type\":\"cave\",\"size\":[30,20],\"seed\":1,\"preview\":true,\"preview_scale\":3}"),
                ExecutionContext.sequential());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) r.get("png"))));
        assertEquals(90, img.getWidth());
        assertEquals(60, img.getHeight());
        assertEquals(0x3A3025, img.getRGB(0, 0) & 0xFFFFFF, "the corner is wall");
    }

    @Test
    void cancelledContext_stopsEveryMapType() {
        PoolContext cancelled = new PoolContext(null, 1, () -> true);
        for (String type : new String[] {"dungeon", "cave", "terrain"}) {
            assertThrows(CancellationException.class, () -> executor.execute(Codec.params(
                    "{\"type\":\"" + type + "\",\"size\":[300,300]}"), cancelled), type);
        }
    }

    @Test
    void oversizedMap_isRefusedNamingTheLimit() {
        assertEquals("data.size[0] = 2000 is out of range [5, 1024]", refusal("{\"size\":[2000,10]}"));
        assertEquals("data.size[1] = 4 is out of range [5, 1024]", refusal("{\"size\":[10,4]}"));
    }

    @Test
    void fieldOfAnotherMapType_isRefused() {
        String m = refusal("{\"type\":\"dungeon\",\"size\":[10,10],\"octaves\":3}");
        assertEquals(true, m.startsWith("data.octaves is not a known field"), m);
    }

    @Test
    void roomMaxBelowRoomMin_isRefused() {
        assertEquals("data.room_max = 3 is out of range [5, 100]: it may not be below room_min",
                refusal("{\"size\":[40,40],\"room_min\":5,\"room_max\":3}"));
    }

    @Test
    void hugePreview_isRefused() {
        assertEquals("data.preview_scale = 2 gives a 4194304-pixel preview; the limit is 2097152 pixels",
                refusal("{\"size\":[1024,1024],\"preview\":true,\"preview_scale\":2}"));
    }

    @Test
    void unknownType_isRefused() {
        assertEquals("data.type = \"maze\" is not one of [dungeon, terrain, cave]", refusal("{\"type\":\"maze\"}"));
    }
}
