package org.meshgov.contract.validation;

import java.util.regex.Pattern;

/** Builds JSON paths in the form {@code $.schema[0].properties[2].logicalType}. */
final class JsonPaths {
    static final String ROOT = "$";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    static String field(String parent, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return parent + "." + name;
        }
        StringBuilder sb = new StringBuilder(parent.length() + name.length() + 4).append(parent).append("['");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append("']").toString();
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
