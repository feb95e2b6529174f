package org.meshgov.contract.compatibility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meshgov.governance.Violation;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meshgov.contract.compatibility.ChangeKind.ADDITIVE;
import static org.meshgov.contract.compatibility.ChangeKind.BREAKING;
import static org.meshgov.contract.compatibility.ChangeKind.COSMETIC;

class VersionBumpRuleTest {

    @ParameterizedTest(name = "{0} -> {1} with {2} changes is enough")
    @CsvSource(nullValues = "NONE", textBlock = """
            1.2.0, 2.0.0,       BREAKING
            1.2.0, 3.0.0,       BREAKING
            1.2.0, 2.0.0-rc.1,  BREAKING
            1.2.0, 1.3.0,       ADDITIVE
            1.2.0, 2.0.0,       ADDITIVE
            1.2.0, 1.3.0-rc.1,  ADDITIVE
            1.2.0, 1.2.1,       COSMETIC
            1.2.0, 1.3.0,       COSMETIC
            1.2.0-rc.1, 1.2.0,  COSMETIC
            1.2.0, 1.2.1,       NONE
            """)
    void aSufficientBumpPasses(String previous, String proposed, ChangeKind overall) {
        // when
        List<Violation> violations = check(previous, proposed, overall);

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void breakingChangesNeedANewMajorVersion() {
        // when
        List<Violation> violations = check("1.2.0", "1.3.0", BREAKING);

        // then
        assertThat(violations).containsExactly(new Violation("$.version", "semver-bump",
                "breaking changes need a new major version: 1.2.0 → 2.0.0 at least; found 1.3.0"));
    }

    @Test
    void additiveChangesNeedAtLeastANewMinorVersion() {
        // when
        List<Violation> violations = check("1.2.0", "1.2.1", ADDITIVE);

        // then
        assertThat(violations).containsExactly(new Violation("$.version", "semver-bump",
                "additive changes need at least a new minor version: 1.2.0 → 1.3.0 at least; found 1.2.1"));
    }

    @Test
    void cosmeticChangesNeedAtLeastANewPatchVersion() {
        // when
        List<Violation> violations = check("1.2.0", "1.2.0", COSMETIC);

        // then
        assertThat(violations).containsExactly(new Violation("$.version", "semver-bump",
                "cosmetic changes need at least a new patch version: 1.2.0 → 1.2.1 at least; found 1.2.0"));
    }

    @Test
    void anUnchangedContractStillNeedsAHigherVersion() {
        // when
        List<Violation> violations = check("1.2.0", "1.1.9", null);

        // then
        assertThat(violations).containsExactly(new Violation("$.version", "semver-bump",
                "even an unchanged contract needs a version higher than the published one: 1.2.0 → 1.2.1 at least;"
                        + " found 1.1.9"));
    }

    @Test
    void aPreReleaseOfTheSameVersionIsNotHigher() {
        // when
        List<Violation> violations = check("1.2.0", "1.2.0-rc.1", COSMETIC);

        // then
        assertThat(violations).extracting(Violation::rule).containsExactly("semver-bump");
    }

    @Test
    void theReleaseOfAPublishedPreReleaseIsTheLowestPatch() {
        // when
        List<Violation> violations = check("2.0.0-rc.1", "2.0.0-beta", COSMETIC);

        // then
        assertThat(violations).extracting(Violation::message).containsExactly(
                "cosmetic changes need at least a new patch version: 2.0.0-rc.1 → 2.0.0 at least; found 2.0.0-beta");
    }

    private static List<Violation> check(String previous, String proposed, ChangeKind overall) {
        return VersionBumpRule.check(SemanticVersion.parse(previous).orElseThrow(),
                SemanticVersion.parse(proposed).orElseThrow(), Optional.ofNullable(overall));
    }
}
