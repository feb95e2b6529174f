package org.meshgov.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainTagsTest {

    @Test
    void theFirstDomainsKeepTheirNameAndLaterOnesShareOther() {
        DomainTags tags = new DomainTags(2);

        assertThat(tags.tagFor("orders")).isEqualTo("orders");
        assertThat(tags.tagFor("marketing")).isEqualTo("marketing");
        assertThat(tags.tagFor("shipping")).isEqualTo(DomainTags.OTHER);
        assertThat(tags.tagFor("orders")).isEqualTo("orders");
        assertThat(tags.tagFor("finance")).isEqualTo(DomainTags.OTHER);
    }
}
