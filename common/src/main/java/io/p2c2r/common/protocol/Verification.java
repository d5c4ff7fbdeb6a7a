package io.p2c2r.common.protocol;

import java.util.Set;

/**
 * How far a delivered result has been checked (the {@code verification} field). {@code verified}: two peers on
 * different hosts computed the same result; {@code trusted}: from a peer with a long record of agreeing
 * results, not sampled for a check this time; {@code pending}: a check is under way, and a wrong result will be
 * followed by {@code task_corrected}; {@code disputed}: no two peers agreed, so no result can be vouched for.
 */
public final class Verification {
    public static final String VERIFIED = "verified";
    public static final String TRUSTED = "trusted";
    public static final String PENDING = "pending";
    public static final String DISPUTED = "disputed";
    /** The check could not run within the hold window (no independent peer was free); the result stands unchecked. */
    public static final String UNCHECKED = "unchecked";

    static final Set<String> ALL = Set.of(VERIFIED, TRUSTED, PENDING, DISPUTED, UNCHECKED);

    private Verification() {}

    static String check(String field, String value) {
        if (value != null && !ALL.contains(value)) {
            throw ProtocolException.invalid(field, value, "must be one of " + ALL);
        }
        return value;
    }
}
