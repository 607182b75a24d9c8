package dev.vidgen.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tag values taken from answers cannot blow up a registry's cardinality. */
class BoundedTagsTest {

    @Test
    void identifiersPassUntilTheLimitThenBecomeOther() {
        BoundedTags tags = new BoundedTags(2);
        assertThat(tags.of("veo-3.1-fast")).isEqualTo("veo-3.1-fast");
        assertThat(tags.of("kling-o3-ref")).isEqualTo("kling-o3-ref");
        assertThat(tags.of("third-model")).isEqualTo(BoundedTags.OTHER);
        assertThat(tags.of("veo-3.1-fast")).as("a value seen before stays").isEqualTo("veo-3.1-fast");
    }

    @Test
    void textThatIsNotAnIdentifierIsOtherAndNothingIsNone() {
        BoundedTags tags = new BoundedTags(10);
        assertThat(tags.of("a prompt with spaces")).isEqualTo(BoundedTags.OTHER);
        assertThat(tags.of("x".repeat(65))).isEqualTo(BoundedTags.OTHER);
        assertThat(tags.of(null)).isEqualTo(BoundedTags.NONE);
        assertThat(tags.of("")).isEqualTo(BoundedTags.NONE);
    }
}
