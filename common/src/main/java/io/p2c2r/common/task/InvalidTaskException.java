package io.p2c2r.common.task;

import io.p2c2r.common.P2c2rException;

/**
 * Task data that breaks a rule: a missing or mistyped field, a value out of range, an input beyond an
 * executor's limits. The message names the field, the value and what is allowed.
 */
public class InvalidTaskException extends P2c2rException {
    private static final long serialVersionUID = 1L;

    public InvalidTaskException(String message) {
        super("invalid_task", message);
    }
}
