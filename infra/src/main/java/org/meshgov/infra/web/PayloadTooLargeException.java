package org.meshgov.infra.web;

class PayloadTooLargeException extends RuntimeException {
    PayloadTooLargeException(long limit) {
        super("the body exceeds the limit of " + limit + " bytes");
    }
}
