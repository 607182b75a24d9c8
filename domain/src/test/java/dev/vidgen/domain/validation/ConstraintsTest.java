package dev.vidgen.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.domain.validation.constraints.HttpUrl;
import dev.vidgen.domain.validation.constraints.IntRange;
import dev.vidgen.domain.validation.constraints.ListSize;
import dev.vidgen.domain.validation.constraints.MaxLength;
import java.net.URI;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The reusable constraints of {@code dev.vidgen.domain.validation.constraints}, on their own. */
class ConstraintsTest {

    record Text(@HttpUrl(message = "[url.absolute-http] url must be an absolute http or https URL") String url) {
    }

    record Link(@HttpUrl URI url) {
    }

    record Numbers(@IntRange(min = -2, max = 2, message = "[n] n must be {min} to {max}") Long n,
            @ListSize(min = 1, max = 2, message = "[l] l takes {min} to {max}") List<String> l,
            @MaxLength(value = 3, message = "[s] s must be at most {value} characters") String s) {
    }

    static List<Violation> validate(Object bean) {
        return Violations.from(TestValidation.NO_EL.validate(bean));
    }

    @Test
    void httpUrlOnText() {
        assertThat(validate(new Text("HTTPS://Example.com/a?b=c#d"))).isEmpty();
        assertThat(validate(new Text(null))).isEmpty();
        assertThat(validate(new Text("mailto:a@example.com"))).singleElement()
                .extracting(Violation::message).isEqualTo("url must be an absolute http or https URL; got \"mailto:a@example.com\"");
        assertThat(validate(new Text("https://exa mple.com"))).hasSize(1);
        assertThat(validate(new Text("http:/relative"))).hasSize(1);
    }

    @Test
    void httpUrlDefaultMessage() {
        assertThat(validate(new Link(URI.create("file:///etc/passwd")))).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(RuleIds.URL_ABSOLUTE_HTTP);
            assertThat(v.message()).isEqualTo("must be an absolute http or https URL with a host and no spaces; got \"file:///etc/passwd\"");
        });
    }

    @Test
    void rangesSizesAndLengths() {
        assertThat(validate(new Numbers(2L, List.of("a", "b"), "abc"))).isEmpty();
        assertThat(validate(new Numbers(-3L, List.of(), "abcd"))).extracting(Violation::message).containsExactly(
                "l takes 1 to 2; got 0", "n must be -2 to 2; got -3", "s must be at most 3 characters; got 4 characters");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String threeEmoji = "\uD83C\uDFAC\uD83C\uDFAC\uD83C\uDFAC"; // 3 code points, 6 chars
        assertThat(validate(new Numbers(null, null, threeEmoji))).isEmpty();
        assertThat(validate(new Numbers(null, null, threeEmoji + "x"))).hasSize(1);
    }

    /** Whatever text a user gives as a URL, validation answers with url.absolute-http or nothing, and quotes the text faithfully. */
    @Property(tries = 300)
    void anyTextGivenAsAUrlIsJudgedNeverThrows(@ForAll("urlish") String text) {
        List<Violation> violations = validate(new Link(Urls.parseLenient(text)));
        assertThat(violations).allSatisfy(v -> {
            assertThat(v.ruleId()).isEqualTo(RuleIds.URL_ABSOLUTE_HTTP);
            assertThat(v.path()).isEqualTo("url");
            String quoted = text.length() > 200 ? text.substring(0, 200) + "..." : text;
            assertThat(v.message()).endsWith("; got \"" + quoted + "\"");
        });
        boolean looksValid = (text.startsWith("http://") || text.startsWith("https://")) && validate(new Text(text)).isEmpty();
        assertThat(violations.isEmpty()).isEqualTo(looksValid);
    }

    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<String> tail = Arbitraries.strings().withChars("abc/.:?#{}$\\ %20é雨").ofMaxLength(30);
        return Arbitraries.oneOf(
                tail.map(t -> "https://example.com/" + t),
                tail.map(t -> "http://" + t),
                tail,
                Arbitraries.strings().ofMaxLength(250));
    }
}
