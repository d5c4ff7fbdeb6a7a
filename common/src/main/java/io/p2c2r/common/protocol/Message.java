package io.p2c2r.common.protocol;

/** Any protocol message; {@link #type()} is its wire {@code type}. */
public interface Message {
    String type();
}
