package io.p2c2r.common.protocol;

import io.p2c2r.common.P2c2rException;

/** A frame that cannot be understood: bad JSON, an unknown type, a missing or invalid field. */
public class ProtocolException extends P2c2rException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String code, String message) {
        super(code, message);
    }

    static ProtocolException missing(String field) {
        return new ProtocolException(ErrorCodes.MISSING_FIELD, field + " is required");
    }

    static ProtocolException invalid(String field, Object value, String rule) {
        String shown = String.valueOf(value);
        if (shown.length() > 80) {
            shown = shown.substring(0, 80) + "...";
        }
        return new ProtocolException(ErrorCodes.INVALID_FIELD, field + " = '" + shown + "' " + rule);
    }
}
