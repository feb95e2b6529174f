package org.meshgov.contract.compatibility;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as defined by <a href="https://semver.org/spec/v2.0.0.html">Semantic Versioning 2.0.0</a>;
 * {@code preRelease} and {@code build} are null when absent.
 *
 * <p>Ordering follows semver precedence, which ignores build metadata: {@code 1.0.0+a} and {@code 1.0.0+b} compare
 * as equal without being {@code equals}.
 */
public record SemanticVersion(long major, long minor, long patch, String preRelease, String build)
        implements Comparable<SemanticVersion> {

    private static final String NUMBER = "0|[1-9]\\d*";
    private static final String PRE_RELEASE_IDENTIFIER = "(?:" + NUMBER + "|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
    private static final String PRE_RELEASE = PRE_RELEASE_IDENTIFIER + "(?:\\." + PRE_RELEASE_IDENTIFIER + ")*";
    private static final String BUILD = "[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*";
    private static final Pattern VERSION = Pattern.compile(
            "(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")(?:-(" + PRE_RELEASE + "))?(?:\\+(" + BUILD + "))?");
    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    private static final Comparator<SemanticVersion> PRECEDENCE = Comparator
            .comparingLong(SemanticVersion::major)
            .thenComparingLong(SemanticVersion::minor)
            .thenComparingLong(SemanticVersion::patch)
            .thenComparing(SemanticVersion::preRelease,
                    Comparator.nullsLast(SemanticVersion::comparePreReleases));

    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers cannot be negative");
        }
        if (preRelease != null && !preRelease.matches(PRE_RELEASE)) {
            throw new IllegalArgumentException("not a semver pre-release: " + preRelease);
        }
        if (build != null && !build.matches(BUILD)) {
            throw new IllegalArgumentException("not semver build metadata: " + build);
        }
    }

    public static Optional<SemanticVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher version = VERSION.matcher(text);
        if (!version.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SemanticVersion(Long.parseLong(version.group(1)), Long.parseLong(version.group(2)),
                    Long.parseLong(version.group(3)), version.group(4), version.group(5)));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return PRECEDENCE.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch
                + (preRelease == null ? "" : "-" + preRelease)
                + (build == null ? "" : "+" + build);
    }

    private static int comparePreReleases(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = compareIdentifiers(left[i], right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    /** Numeric identifiers have no leading zeros, so the longer one is the larger, however long they get. */
    private static int compareIdentifiers(String a, String b) {
        boolean aNumeric = NUMERIC.matcher(a).matches();
        boolean bNumeric = NUMERIC.matcher(b).matches();
        if (aNumeric && bNumeric) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
