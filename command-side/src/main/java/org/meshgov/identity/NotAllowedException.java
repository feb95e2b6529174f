package org.meshgov.identity;

/** The actor is known but has no right to do what the command asks. */
public class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
        super(message);
    }
}
