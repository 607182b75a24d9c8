package dev.vidgen.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import jakarta.validation.Validation;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ExpressionLanguageFeatureLevel;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages come out the same under Hibernate's EL interpolator and its ParameterMessageInterpolator, and user text is never interpreted. */
class MessagesTest {

    /** Hibernate Validator's default: the resource bundle interpolator, with EL (Expressly on the test classpath). */
    static final RequestValidator WITH_EL = new RequestValidator(
            Validation.byDefaultProvider().configure().buildValidatorFactory().getValidator(), ValidationPolicy.defaults());

    /** EL switched on for messages built by validators too, as an application may configure Hibernate Validator. */
    static final RequestValidator WITH_EL_EVERYWHERE = new RequestValidator(
            Validation.byProvider(HibernateValidator.class).configure()
                    .customViolationExpressionLanguageFeatureLevel(ExpressionLanguageFeatureLevel.BEAN_METHODS)
                    .buildValidatorFactory().getValidator(), ValidationPolicy.defaults());

    static Stream<RuleCasesTest.Case> cases() {
        return RuleCasesTest.cases();
    }

    @Test
    void theElValidatorReallyUsesEl() {
        assertThat(Validation.byDefaultProvider().configure().buildValidatorFactory().getMessageInterpolator())
                .isInstanceOf(ResourceBundleMessageInterpolator.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameViolationsWithAndWithoutEl(RuleCasesTest.Case c) {
        List<Violation> withEl = c.failing().run(WITH_EL);
        List<Violation> withoutEl = c.failing().run(TestValidation.DEFAULTS);
        assertThat(withEl).isNotEmpty().isEqualTo(withoutEl).isEqualTo(c.failing().run(WITH_EL_EVERYWHERE));
    }

    @Test
    void parametersAndTheRejectedValueAreFilledIn() {
        var request = KlingReferenceRequest.builder().prompt("p").duration(20).build();
        assertThat(WITH_EL.validate(request)).singleElement()
                .extracting(Violation::message).isEqualTo("duration must be 3 to 15 seconds; got 20");
        assertThat(TestValidation.DEFAULTS.validate(request)).singleElement()
                .extracting(Violation::message).isEqualTo("duration must be 3 to 15 seconds; got 20");
    }

    @Test
    void theVeoDurationMessageNamesTheModel() {
        var request = VeoReferenceRequest.builder(VeoModel.STANDARD).prompt("p").referenceImage("https://example.com/a.jpg").duration(6).build();
        assertThat(TestValidation.DEFAULTS.validate(request)).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("veo.duration.fixed");
            assertThat(v.message()).startsWith("duration is fixed at 8 for veo-3.1-reference-to-video; got 6");
            assertThat(v.rejectedValue()).isEqualTo(6);
        });
    }

    /** Text a user controls, full of what an interpolator would act on: EL, parameters, escapes. */
    @ParameterizedTest
    @ValueSource(strings = {
        "https://ex ample.com/${'a'.concat('b')}",
        "not a url {message} {groups} {max}",
        "http://x/#{1+1}",
        "C:\\temp\\${x}\\{y}",
        "$$ {{ }} \\\\ \\",
    })
    void userTextInAMessageIsNeverInterpreted(String text) {
        var request = VeoReferenceRequest.builder(VeoModel.STANDARD).prompt("p").referenceImage(text).build();
        for (RequestValidator validator : List.of(WITH_EL, WITH_EL_EVERYWHERE, TestValidation.DEFAULTS)) {
            assertThat(validator.validate(request)).singleElement().satisfies(v -> {
                assertThat(v.ruleId()).isEqualTo("url.absolute-http");
                assertThat(v.path()).isEqualTo("referenceImageUrls[0]");
                assertThat(v.message()).endsWith("; got \"" + text + "\"");
            });
        }
    }

    @Test
    void longUserTextIsCutInTheMessageButNotInTheRejectedValue() {
        String text = "ftp://example.com/" + "a".repeat(500);
        var request = VeoReferenceRequest.builder(VeoModel.STANDARD).prompt("p").referenceImage(text).build();
        Violation v = TestValidation.DEFAULTS.validate(request).get(0);
        assertThat(v.message()).hasSizeLessThan(400).endsWith("...\"");
        assertThat(v.rejectedValue()).hasToString(text);
    }
}
