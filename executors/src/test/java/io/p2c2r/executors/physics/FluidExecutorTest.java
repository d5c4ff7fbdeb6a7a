package io.p2c2r.executors.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.PoolContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FluidExecutorTest {
    private final FluidExecutor executor = new FluidExecutor();

    @Test
    void seedData_givesStatsAndADecodableSlicePng() throws Exception {
        Map<String, Object> out = executor.execute(Codec.params(TaskType.PHYSICS_FLUID.seedData()),
                ExecutionContext.sequential());
        assertTrue((double) out.get("total_density") > 0);
        Map<?, ?> slice = (Map<?, ?>) out.get("density_slice");
        byte[] png = Base64.getDecoder().decode((String) slice.get("png_base64"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        // The seed grid is 32^3 and the default slice is z = 16, so the image is 32 x 32; the densest cell
        // of the slice is scaled to white (255).
        assertEquals(32, img.getWidth());
        assertEquals(32, img.getHeight());
        int brightest = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                brightest = Math.max(brightest, img.getRaster().getSample(x, y, 0));
            }
        }
        assertEquals(255, brightest);
    }

    @Test
    void sameInput_givesSameOutput_onAnyThreadCount() {
        String data = "{\"grid_size\":[16,20,12],\"steps\":6,\"iterations\":15,\"viscosity\":0.05,\"diffusion\":0.02,"
                + "\"include_density\":true,\"obstacles\":[{\"shape\":\"sphere\",\"center\":[8,10,6],\"radius\":3}]}";
        String a = Codec.toRaw(executor.execute(Codec.params(data), ExecutionContext.sequential())).toString();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            String b = Codec.toRaw(executor.execute(Codec.params(data), new PoolContext(pool, 4, () -> false))).toString();
            assertEquals(a, b);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oversizedInputs_areRefused() {
        InvalidTaskException cells = assertThrows(InvalidTaskException.class,
                () -> executor.validate(Codec.params("{\"grid_size\":[128,128,128]}")));
        assertTrue(cells.getMessage().contains("262144"), cells.getMessage());
        assertThrows(InvalidTaskException.class,
                () -> executor.validate(Codec.params("{\"grid_size\":[64,64,64],\"steps\":1000,\"iterations\":500}")));
        assertThrows(InvalidTaskException.class, () -> executor.validate(
                Codec.params("{\"obstacles\":[{\"shape\":\"cone\"}]}")));
    }
}
