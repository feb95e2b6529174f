package org.meshgov.deprecation;

import java.util.List;

public record DeprecationOpened(String deprecationId, String status, List<String> consumers) {
}
