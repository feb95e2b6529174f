package org.meshgov.contract.compatibility;

import org.meshgov.governance.Violation;

import java.util.List;
import java.util.Optional;

/**
 * Checks that a proposed contract version is high enough for what changed since the published one: breaking
 * changes need a new major version, additive changes at least a new minor, anything else at least a higher version.
 */
public final class VersionBumpRule {

    public static final String RULE = "semver-bump";
    private static final String PATH = "$.version";

    private VersionBumpRule() {
    }

    /** {@code overall} is the most severe change, empty when nothing changed (see {@link CompatibilityClassifier#overall}). */
    public static List<Violation> check(SemanticVersion previousPublished, SemanticVersion proposed, Optional<ChangeKind> overall) {
        Bump needed = overall.map(Bump::forKind).orElse(Bump.UNCHANGED);
        if (needed.satisfiedBy(previousPublished, proposed)) {
            return List.of();
        }
        return List.of(new Violation(PATH, RULE, needed.reason + ": " + previousPublished + " → "
                + needed.lowest(previousPublished) + " at least; found " + proposed));
    }

    private enum Bump {
        MAJOR("breaking changes need a new major version") {
            @Override
            boolean satisfiedBy(SemanticVersion previous, SemanticVersion proposed) {
                return proposed.major() > previous.major();
            }

            @Override
            SemanticVersion lowest(SemanticVersion previous) {
                return new SemanticVersion(previous.major() + 1, 0, 0, null, null);
            }
        },
        MINOR("additive changes need at least a new minor version") {
            @Override
            boolean satisfiedBy(SemanticVersion previous, SemanticVersion proposed) {
                return proposed.major() > previous.major()
                        || proposed.major() == previous.major() && proposed.minor() > previous.minor();
            }

            @Override
            SemanticVersion lowest(SemanticVersion previous) {
                return new SemanticVersion(previous.major(), previous.minor() + 1, 0, null, null);
            }
        },
        PATCH("cosmetic changes need at least a new patch version"),
        UNCHANGED("even an unchanged contract needs a version higher than the published one");

        private final String reason;

        Bump(String reason) {
            this.reason = reason;
        }

        static Bump forKind(ChangeKind kind) {
            return switch (kind) {
                case BREAKING -> MAJOR;
                case ADDITIVE -> MINOR;
                case COSMETIC -> PATCH;
            };
        }

        boolean satisfiedBy(SemanticVersion previous, SemanticVersion proposed) {
            return proposed.compareTo(previous) > 0;
        }

        /** The release of a pre-release version is already higher than it. */
        SemanticVersion lowest(SemanticVersion previous) {
            long patch = previous.preRelease() == null ? previous.patch() + 1 : previous.patch();
            return new SemanticVersion(previous.major(), previous.minor(), patch, null, null);
        }
    }
}
