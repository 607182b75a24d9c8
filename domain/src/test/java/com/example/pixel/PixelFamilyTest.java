package com.example.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.kling.KlingFamily;
import dev.vidgen.domain.validation.RequestValidator;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.domain.veo.VeoFamily;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** A third family, from outside vidgen's packages, registered and validated like the seed families. */
class PixelFamilyTest {

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    static final RequestValidator DEFAULTS = new RequestValidator(VALIDATOR, ValidationPolicy.defaults());

    static PixelLayer layer(String name) {
        return new PixelLayer(name, URI.create("https://example.com/" + name + ".pal"));
    }

    @Test
    void registeredWithModelCatalogOf() {
        ModelCatalog catalog = ModelCatalog.of(List.of(new VeoFamily(), new KlingFamily(), new PixelFamily()));
        assertThat(catalog.familyOf("demo-pixel-1")).get().isInstanceOf(PixelFamily.class);
        assertThat(catalog.familyOf(PixelRequest.class)).get().extracting(ModelFamily::name).isEqualTo("demo-pixel");
        assertThat(catalog.capabilities("demo-pixel-1")).get()
                .satisfies(c -> assertThat(c.field("frames")).get().extracting(f -> f.max()).isEqualTo(64));
        assertThat(catalog.modelIds()).containsExactly("veo-3.1-reference-to-video", "veo-3.1-fast-reference-to-video",
                "kling-o3-ref", "demo-pixel-1");
    }

    @Test
    void registeredThroughServiceLoader() {
        assertThat(ModelCatalog.loadInstalled().modelIds())
                .contains("veo-3.1-reference-to-video", "veo-3.1-fast-reference-to-video", "kling-o3-ref", "demo-pixel-1");
    }

    @Test
    void aValidRequestPasses() {
        assertThat(DEFAULTS.validate(new PixelRequest("a cat", 8, List.of(layer("bg"), layer("cat"))))).isEmpty();
    }

    @Test
    void itsFieldConstraintsAndItsRulesAreReportedWithPaths() {
        PixelRequest request = new PixelRequest(" ", 65, Arrays.asList(layer("bg"), null, new PixelLayer("fg", URI.create("/x.pal")), layer("bg")));
        assertThat(DEFAULTS.validate(request))
                .extracting(Violation::path, Violation::ruleId)
                .containsExactly(
                        tuple("frames", "pixel.frames.even"),
                        tuple("frames", "pixel.frames.max"),
                        tuple("layers[1]", "list.item.required"),
                        tuple("layers[2].palette", "url.absolute-http"),
                        tuple("layers[3]", "pixel.layers.unique"),
                        tuple("prompt", "pixel.prompt.required"));
    }

    @Test
    void aRuleOnTheWholeRequestHasTheEmptyPath() {
        assertThat(DEFAULTS.validate(new PixelRequest("a cat", null, null))).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("pixel.needs-content");
            assertThat(v.path()).isEmpty();
            assertThat(v.message()).isEqualTo("set frames or layers");
        });
    }

    @Test
    void rejectedValuesOfClassLevelRulesAreTheFieldValues() {
        List<Violation> violations = DEFAULTS.validate(new PixelRequest("a cat", 66, List.of(layer("a"), layer("a"))));
        assertThat(violations).extracting(Violation::ruleId, Violation::rejectedValue)
                .containsExactly(tuple("pixel.frames.max", 66), tuple("pixel.layers.unique", layer("a")));
    }

    @Test
    void userTextEchoedByAFamilyRuleIsNotInterpreted() {
        String prompt = "blur ${'x'.repeat(3)} {message} \\ $";
        RequestValidator withEl = new RequestValidator(Validation.buildDefaultValidatorFactory().getValidator(), ValidationPolicy.defaults());
        for (RequestValidator validator : List.of(DEFAULTS, withEl)) {
            assertThat(validator.validate(new PixelRequest(prompt, 8, null))).singleElement()
                    .extracting(Violation::message).isEqualTo("pixel art is sharp, but the prompt says \"" + prompt + "\"");
        }
    }

    @Test
    void itsUpstreamRuleCanBeSwitchedOffWhenInstalled() {
        RequestValidator lenient = new RequestValidator(VALIDATOR, ValidationPolicy.defaults().disable("pixel.frames.max"));
        assertThat(lenient.validate(new PixelRequest("a cat", 66, null))).isEmpty();

        ModelCatalog withoutPixel = ModelCatalog.of(List.of(new KlingFamily()));
        assertThatThrownBy(() -> ValidationPolicy.defaults().disable(withoutPixel, "pixel.frames.max"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pixel.frames.max");
        ModelCatalog withPixel = ModelCatalog.of(List.of(new PixelFamily()));
        assertThat(ValidationPolicy.defaults().disable(withPixel, "pixel.frames.max").isEnabled("pixel.frames.max")).isFalse();
    }

    /** A family that cannot be created by {@code @CapabilityRules}. */
    public static final class NoDefaultConstructor implements ModelFamily<Broken> {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public Class<Broken> requestType() {
            return Broken.class;
        }

        @Override
        public List<ModelCapabilities> models() {
            return List.of();
        }

        @Override
        public List<Violation> checkRules(Broken request) {
            return List.of();
        }
    }

    /** A request naming that family. */
    @dev.vidgen.domain.validation.constraints.CapabilityRules(NoDefaultConstructor.class)
    public record Broken(String prompt) implements VideoRequest {
        @Override
        public String modelId() {
            return "broken";
        }
    }

    @Test
    void aFamilyWithoutNoArgConstructorIsAClearDeclarationError() {
        assertThatThrownBy(() -> DEFAULTS.validate(new Broken("p")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(messages(e)).contains("needs a public no-argument constructor"));
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
