package dev.vidgen.jobs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link VideoJobsBuilder#tablePrefix}: what it refuses, and that the message names the field, the rule and the value. */
class TablePrefixRuleTest {

    private static final String LONGEST = "a".repeat(43);

    @ParameterizedTest
    @ValueSource(strings = {"", "1app_", "_app", "app;drop", "app-", "app x", "app'", "app\"", "App_", "app.x"})
    void aBadPrefixIsRefusedNamingFieldRuleAndValue(String prefix) {
        assertThatThrownBy(() -> VideoJobs.builder().tablePrefix(prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tablePrefix")
                .hasMessageContaining("lower-case letters, digits and '_', starting with a letter, at most 43 characters")
                .hasMessageContaining("got '" + prefix + "'");
    }

    @Test
    void aPrefixTooLongForPostgresIsRefused() {
        assertThatThrownBy(() -> VideoJobs.builder().tablePrefix(LONGEST + "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix")
                .hasMessageContaining("PostgreSQL's 63").hasMessageContaining("(44 characters)");
        assertThat(VideoJobs.builder().tablePrefix(LONGEST)).isNotNull();
        assertThat((LONGEST + "scheduled_tasks_pkey").length()).isEqualTo(63);
    }

    @Test
    void nullIsRefusedClearly() {
        assertThatThrownBy(() -> VideoJobs.builder().tablePrefix(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix").hasMessageContaining("got null");
    }

    @Test
    void controlCharactersAreNotEchoed() {
        assertThatThrownBy(() -> VideoJobs.builder().tablePrefix("a\nb\u0007"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 'a?b?'");
    }

    @Test
    void digitsAndUnderscoresAfterTheFirstLetterAreFine() {
        assertThat(VideoJobs.builder().tablePrefix("x")).isNotNull();
        assertThat(VideoJobs.builder().tablePrefix("tenant_42_")).isNotNull();
    }
}
