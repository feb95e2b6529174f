package org.meshgov.contract.compatibility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemanticVersionTest {

    @Test
    void parsesEveryPartOfAVersion() {
        // when
        Optional<SemanticVersion> version = SemanticVersion.parse("1.22.333-rc.1+build.5");

        // then
        assertThat(version).contains(new SemanticVersion(1, 22, 333, "rc.1", "build.5"));
    }

    @Test
    void aReleaseHasNoPreReleaseOrBuild() {
        // when
        Optional<SemanticVersion> version = SemanticVersion.parse("2.0.0");

        // then
        assertThat(version).contains(new SemanticVersion(2, 0, 0, null, null));
    }

    @ParameterizedTest(name = "{0} round-trips")
    @ValueSource(strings = {"0.0.0", "1.2.3", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x.7.z.92",
            "1.0.0-x-y-z.--", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "1.0.0+21AF26D3----117B344092BD"})
    void printsAsItWasWritten(String text) {
        // when
        String printed = SemanticVersion.parse(text).orElseThrow().toString();

        // then
        assertThat(printed).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\" is not semver")
    @NullSource
    @ValueSource(strings = {"", "1", "1.2", "1.2.3.4", "v1.2.3", "01.2.3", "1.02.3", "1.2.03", "-1.2.3",
            "1.2.3-", "1.2.3+", "1.2.3-01", "1.2.3-a..b", "1.2.3+a..b", "1.2.3-a_b", " 1.2.3", "1.2.3 ",
            "99999999999999999999.0.0"})
    void rejectsAnythingButStrictSemver(String text) {
        // when
        Optional<SemanticVersion> version = SemanticVersion.parse(text);

        // then
        assertThat(version).isEmpty();
    }

    @Test
    void ordersVersionsByPrecedence() {
        // given
        List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0");

        List<String> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);

        // when
        List<String> sorted = descending.stream()
                .map(text -> SemanticVersion.parse(text).orElseThrow())
                .sorted()
                .map(SemanticVersion::toString)
                .toList();

        // then
        assertThat(sorted).isEqualTo(ascending);
    }

    @Test
    void aPreReleaseComesBeforeItsRelease() {
        // given
        SemanticVersion preRelease = SemanticVersion.parse("2.0.0-rc.1").orElseThrow();
        SemanticVersion release = SemanticVersion.parse("2.0.0").orElseThrow();

        // when / then
        assertThat(preRelease).isLessThan(release);
    }

    @Test
    void longNumericIdentifiersCompareAsNumbers() {
        // given
        SemanticVersion smaller = SemanticVersion.parse("1.0.0-99999999999999999999").orElseThrow();
        SemanticVersion larger = SemanticVersion.parse("1.0.0-100000000000000000000").orElseThrow();

        // when / then
        assertThat(smaller).isLessThan(larger);
    }

    @Test
    void buildMetadataDoesNotAffectPrecedence() {
        // given
        SemanticVersion one = SemanticVersion.parse("1.0.0+build.1").orElseThrow();
        SemanticVersion other = SemanticVersion.parse("1.0.0+build.2").orElseThrow();

        // when / then
        assertThat(one).isEqualByComparingTo(other).isNotEqualTo(other);
    }

    @Test
    void cannotBeBuiltWithANegativeNumber() {
        // when / then
        assertThatThrownBy(() -> new SemanticVersion(1, -1, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cannotBeBuiltWithAnInvalidPreRelease() {
        // when / then
        assertThatThrownBy(() -> new SemanticVersion(1, 0, 0, "rc..1", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
