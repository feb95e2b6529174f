package org.meshgov.deprecation;

import java.util.Arrays;
import java.util.Optional;

public enum DeprecationResponse {
    ACKNOWLEDGE("acknowledge"), OBJECT("object");

    private final String wireName;

    DeprecationResponse(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DeprecationResponse> fromWireName(String value) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(value)).findFirst();
    }
}
