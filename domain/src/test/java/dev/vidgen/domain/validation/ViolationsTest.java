package dev.vidgen.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    /** A bean with constraints not written for vidgen: no {@code [rule.id]} prefix. */
    record Plain(@NotNull String name, List<@Size(max = 2) String> tags, Map<String, @NotNull String> labels, @Valid Inner inner) {
    }

    record Inner(@NotNull(message = "[inner.value] value is required") Integer value) {
    }

    @Test
    void mapsPathsRuleIdsMessagesAndRejectedValues() {
        var bean = new Plain(null, List.of("ok", "toolong"), new java.util.HashMap<>(java.util.Collections.singletonMap("k", null)),
                new Inner(null));
        List<Violation> violations = Violations.from(TestValidation.NO_EL.validate(bean));
        assertThat(violations).extracting(Violation::path, Violation::ruleId, Violation::rejectedValue)
                .containsExactly(
                        tuple("inner.value", "inner.value", null),
                        tuple("labels[k]", "NotNull", null),
                        tuple("name", "NotNull", null),
                        tuple("tags[1]", "Size", "toolong"));
        assertThat(violations.get(0).message()).isEqualTo("value is required");
        assertThat(violations.get(2).message()).isNotBlank().doesNotStartWith("[");
    }

    @Test
    void ordersByPathWithNumbersComparedAsNumbersThenByRuleId() {
        List<Violation> list = new ArrayList<>(List.of(
                new Violation("b", "imageList[10].type", null, "m"),
                new Violation("z", "imageList[2].type", null, "m"),
                new Violation("a", "imageList[2].type", null, "m"),
                new Violation("a", "duration", null, "m"),
                new Violation("a", "", null, "m")));
        list.sort(Violations.ORDER);
        assertThat(list).extracting(Violation::path, Violation::ruleId).containsExactly(
                tuple("", "a"), tuple("duration", "a"), tuple("imageList[2].type", "a"), tuple("imageList[2].type", "z"),
                tuple("imageList[10].type", "b"));
    }

    @Test
    void comparesDigitRunsNumerically() {
        assertThat(Violations.comparePaths("a[9]", "a[10]")).isNegative();
        assertThat(Violations.comparePaths("a[010]", "a[9]")).isPositive();
        assertThat(Violations.comparePaths("a[10]", "a[10]")).isZero();
        assertThat(Violations.comparePaths("a", "a.b")).isNegative();
        assertThat(Violations.comparePaths("b", "a[1]")).isPositive();
    }
}
