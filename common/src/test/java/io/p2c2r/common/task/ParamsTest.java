package io.p2c2r.common.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import org.junit.jupiter.api.Test;

class ParamsTest {
    private final Params p = Codec.params("{\"n\":5,\"x\":0.5,\"s\":\"hi\",\"pairs\":[[1,2],[3,4]],\"obj\":{\"k\":[7]},"
            + "\"list\":[{\"a\":1},{\"a\":-1}],\"big\":1e30,\"frac\":2.5}");

    @Test
    void typedGetters_readValues_andDefaults() {
        assertEquals(5, p.intValue("n", 0, 0, 10));
        assertEquals(9, p.intValue("absent", 9, 0, 10));
        assertEquals(0.5, p.doubleValue("x", 0, 0, 1));
        assertEquals("hi", p.string("s", "", 10));
        assertArrayEquals(new int[] {3, 4}, p.intRows("pairs", 2, 10, 0, 9)[1]);
        assertArrayEquals(new int[] {7}, p.object("obj").orElseThrow().intArray("k", 1, 1, 0, 9));
    }

    @Test
    void errors_nameThePathTheValueAndTheRange() {
        InvalidTaskException range = assertThrows(InvalidTaskException.class, () -> p.intValue("n", 0, 0, 4));
        assertEquals("data.n = 5 is out of range [0, 4]", range.getMessage());
        InvalidTaskException nested = assertThrows(InvalidTaskException.class,
                () -> p.objects("list", 5).get(1).requireInt("a", 0, 3));
        assertEquals("data.list[1].a = -1 is out of range [0, 3]", nested.getMessage());
        InvalidTaskException type = assertThrows(InvalidTaskException.class, () -> p.requireInt("s", 0, 1));
        assertTrue(type.getMessage().contains("data.s = \"hi\" is not a number"), type.getMessage());
        assertThrows(InvalidTaskException.class, () -> p.requireInt("frac", 0, 9));
        assertThrows(InvalidTaskException.class, () -> p.requireInt("big", 0, Integer.MAX_VALUE));
        assertThrows(InvalidTaskException.class, () -> p.intRows("pairs", 3, 10, 0, 9));
        assertThrows(InvalidTaskException.class, () -> p.intRows("pairs", 2, 1, 0, 9));
        InvalidTaskException missing = assertThrows(InvalidTaskException.class, () -> p.requireString("name", 5));
        assertEquals("data.name is required", missing.getMessage());
    }

    @Test
    void unknownFields_areRefused_byName() {
        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> p.allowOnly("n", "x"));
        assertTrue(e.getMessage().contains("is not a known field"), e.getMessage());
    }
}
