package io.p2c2r.common.protocol;

/** Gamer to coordinator: join as {@code gamerId}; {@code token} is required once the id exists. */
public record RegisterGamer(String gamerId, String token) implements ClientMessage {
    public static final String TYPE = "register_gamer";

    public RegisterGamer {
        Ids.id("gamer_id", gamerId);
        Ids.optText("token", token, Ids.MAX_TOKEN);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
