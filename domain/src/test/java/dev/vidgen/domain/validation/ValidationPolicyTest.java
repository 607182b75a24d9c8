package dev.vidgen.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.kling.KlingFamily;
import dev.vidgen.domain.kling.KlingImage;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.veo.VeoFamily;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ValidationPolicyTest {

    static Set<String> upstream() {
        return RuleIds.UPSTREAM;
    }

    static Set<String> seed() {
        return RuleIds.SEED;
    }

    @Test
    void everyRuleIsOnByDefault() {
        ValidationPolicy policy = ValidationPolicy.defaults();
        assertThat(RuleIds.ALL).allSatisfy(id -> assertThat(policy.isEnabled(id)).as(id).isTrue());
    }

    @ParameterizedTest
    @MethodSource("upstream")
    void anUpstreamRuleCanBeSwitchedOffAlone(String id) {
        ValidationPolicy policy = ValidationPolicy.defaults().disable(id);
        assertThat(policy.isEnabled(id)).isFalse();
        assertThat(RuleIds.ALL).filteredOn(other -> !other.equals(id)).allSatisfy(other -> assertThat(policy.isEnabled(other)).isTrue());
    }

    @ParameterizedTest
    @MethodSource("seed")
    void aSeedRuleCannotBeSwitchedOff(String id) {
        assertThatThrownBy(() -> ValidationPolicy.defaults().disable(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule " + id + " ")
                .hasMessageContaining("cannot be switched off")
                .hasMessageContaining(String.join(", ", new java.util.TreeSet<>(RuleIds.UPSTREAM)).substring(0, 20));
        assertThatThrownBy(() -> new ValidationPolicy(Set.of(id))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(id);
    }

    @Test
    void theRefusalNamesEveryRuleThatCanBeSwitchedOff() {
        assertThatThrownBy(() -> ValidationPolicy.defaults().disable(RuleIds.KLING_DURATION_RANGE))
                .hasMessageContainingAll(RuleIds.UPSTREAM.toArray(String[]::new));
    }

    @Test
    void anUnknownIdIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> ValidationPolicy.defaults().disable("kling.image.cnt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kling.image.cnt")
                .hasMessageContaining(RuleIds.KLING_IMAGE_COUNT);
    }

    @Test
    void disablingReturnsANewPolicy() {
        ValidationPolicy defaults = ValidationPolicy.defaults();
        ValidationPolicy both = defaults.disable(RuleIds.KLING_IMAGE_COUNT).disable(RuleIds.KLING_DURATION_WITH_VIDEO);
        assertThat(defaults.disabledRuleIds()).isEmpty();
        assertThat(both.disabledRuleIds()).containsExactlyInAnyOrder(RuleIds.KLING_IMAGE_COUNT, RuleIds.KLING_DURATION_WITH_VIDEO);
    }

    @Test
    void switchableIdsAreTheFamiliesUpstreamIds() {
        Set<String> fromFamilies = new HashSet<>();
        for (ModelFamily<?> family : List.of(new VeoFamily(), new KlingFamily())) {
            fromFamilies.addAll(family.upstreamRuleIds());
        }
        assertThat(fromFamilies).isEqualTo(RuleIds.UPSTREAM);
        assertThat(RuleIds.API).containsAll(RuleIds.UPSTREAM);
        assertThat(ValidationPolicy.switchableRuleIds(ModelCatalog.of(List.of(new VeoFamily(), new KlingFamily()))))
                .isEqualTo(RuleIds.UPSTREAM);
    }

    @Test
    void aSwitchedOffRuleIsNoLongerReportedAndTheOthersStill() {
        var images = java.util.stream.IntStream.rangeClosed(1, 8)
                .mapToObj(i -> KlingImage.reference(URI.create("https://example.com/" + i + ".png"))).toList();
        var request = KlingReferenceRequest.builder().prompt("x").imageList(images).duration(20).build();
        assertThat(TestValidation.DEFAULTS.validate(request)).extracting(Violation::ruleId)
                .containsExactly(RuleIds.KLING_DURATION_RANGE, RuleIds.KLING_IMAGE_COUNT);
        RequestValidator lenient = new RequestValidator(TestValidation.NO_EL, ValidationPolicy.defaults().disable(RuleIds.KLING_IMAGE_COUNT));
        assertThat(lenient.validate(request)).extracting(Violation::ruleId).containsExactly(RuleIds.KLING_DURATION_RANGE);
    }
}
