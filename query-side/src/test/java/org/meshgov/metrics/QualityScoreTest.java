package org.meshgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualityScoreTest {

    @Test
    void withoutResultsThereIsNeitherComplianceNorScore() {
        QualityScore none = new QualityScore();

        assertThat(none.compliance()).isNull();
        assertThat(none.score()).isNull();
    }

    @Test
    void complianceCountsResultsAlikeAndTheScoreWeighsThemBySeverity() {
        QualityScore score = new QualityScore();
        score.add("error", false, 1);   // weight 3
        score.add("warning", true, 2);  // weight 2 each
        score.add("info", true, 1);     // weight 1

        assertThat(score.passed()).isEqualTo(3);
        assertThat(score.total()).isEqualTo(4);
        assertThat(score.compliance()).isEqualTo(0.75);
        assertThat(score.score()).isEqualTo(100.0 * 5 / 8);
    }

    @Test
    void severitiesAreReadWithoutRegardToCaseAndUnknownOnesWeighLikeInfo() {
        QualityScore score = new QualityScore();
        score.add("ERROR", true, 1);
        score.add("critical", false, 1);

        assertThat(score.score()).isEqualTo(75.0);
    }
}
