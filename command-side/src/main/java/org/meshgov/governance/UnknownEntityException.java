package org.meshgov.governance;

/** The command or query names something that does not exist. */
public class UnknownEntityException extends RuntimeException {
    public UnknownEntityException(String message) {
        super(message);
    }
}
