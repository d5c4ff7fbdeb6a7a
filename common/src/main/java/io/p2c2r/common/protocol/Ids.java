package io.p2c2r.common.protocol;

import java.util.regex.Pattern;

/** Checks for the identifiers that travel on the wire. */
final class Ids {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");
    static final int MAX_REQUEST_ID = 128;
    static final int MAX_TOKEN = 128;
    static final int MAX_TEXT = 4096;

    private Ids() {}

    static String id(String field, String value) {
        if (value == null) {
            throw ProtocolException.missing(field);
        }
        if (!ID.matcher(value).matches()) {
            throw ProtocolException.invalid(field, value, "must be 1-64 characters of A-Z a-z 0-9 _ . : @ -");
        }
        return value;
    }

    static String text(String field, String value, int max) {
        if (value == null) {
            throw ProtocolException.missing(field);
        }
        if (value.isEmpty() || value.length() > max) {
            throw ProtocolException.invalid(field, value, "must be 1-" + max + " characters");
        }
        return value;
    }

    static String optText(String field, String value, int max) {
        return value == null ? null : text(field, value, max);
    }
}
