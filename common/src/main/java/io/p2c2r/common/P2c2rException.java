package io.p2c2r.common;

/** Root of the unchecked exceptions thrown by the common module; carries a stable error code. */
public class P2c2rException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public P2c2rException(String code, String message) {
        super(message);
        this.code = code;
    }

    public P2c2rException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A short machine-readable code such as {@code bad_json} or {@code invalid_task}. */
    public String code() {
        return code;
    }
}
