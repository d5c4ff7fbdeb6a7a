package io.p2c2r.common.tls;

import io.p2c2r.common.P2c2rException;

/** A TLS setting that cannot be used: a file that is missing or unreadable, a key that does not fit its certificate. */
public final class TlsException extends P2c2rException {
    private static final long serialVersionUID = 1L;

    public TlsException(String message) {
        super("tls", message);
    }
}
