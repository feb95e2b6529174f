package org.meshgov.contract;

import java.util.List;
import org.meshgov.contract.compatibility.Change;
import org.meshgov.contract.compatibility.CompatibilityClassifier;

/** How far a proposal moves from the latest published version, seen from its consumers. */
public enum ChangeLevel {
    /** Nothing published before: there is nothing to be compatible with. */
    INITIAL,
    BREAKING,
    ADDITIVE,
    COSMETIC,
    /** Same content as the published version, under a new version number. */
    NONE;

    public static ChangeLevel of(List<Change> changes) {
        return CompatibilityClassifier.overall(changes)
                .map(kind -> switch (kind) {
                    case BREAKING -> BREAKING;
                    case ADDITIVE -> ADDITIVE;
                    case COSMETIC -> COSMETIC;
                })
                .orElse(NONE);
    }

    public boolean isCosmeticOnly() {
        return this == COSMETIC || this == NONE;
    }

    public boolean isBreaking() {
        return this == BREAKING;
    }
}
