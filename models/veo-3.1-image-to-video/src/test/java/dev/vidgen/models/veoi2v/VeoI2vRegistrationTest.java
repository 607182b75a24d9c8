package dev.vidgen.models.veoi2v;

import static dev.vidgen.models.veoi2v.Fixtures.VALIDATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.guice.VideoClientModule;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.validation.RequestValidator;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.testkit.guice.FakeTaskPortModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The family is found like a user's would be: by ServiceLoader, and through the client's Guice Multibinder. */
class VeoI2vRegistrationTest {

    static final List<String> IDS = List.of("veo-3.1-image-to-video", "veo-3.1-fast-image-to-video", "veo-3.1-lite-image-to-video");

    final ClientConfig config = ClientConfig.builder().apiKey("sk-test-key").build();

    @Test
    void serviceLoaderFindsTheFamilyNextToTheSeedFamilies() {
        ModelCatalog installed = ModelCatalog.loadInstalled();
        assertThat(installed.modelIds()).containsAll(IDS).contains("veo-3.1-reference-to-video", "kling-o3-ref");
        for (String id : IDS) {
            assertThat(installed.familyOf(id)).get().isInstanceOf(VeoImageToVideoFamily.class);
            assertThat(installed.capabilities(id)).get().extracting(c -> c.family()).isEqualTo("veo-3.1-image-to-video");
        }
        assertThat(installed.familyOf(VeoImageToVideoRequest.class)).get().isInstanceOf(VeoImageToVideoFamily.class);
    }

    @Test
    void theClientsGuiceModuleTakesTheFamilyThroughItsMultibinder() {
        FakeTaskPort port = FakeTaskPort.builder().catalog(ModelCatalog.loadInstalled()).build();
        Module veoI2v = new AbstractModule() {
            @Override
            protected void configure() {
                VideoClientModule.families(binder()).addBinding().to(VeoImageToVideoFamily.class);
            }
        };
        Injector injector = Guice.createInjector(new VideoClientModule(config), new FakeTaskPortModule(port), veoI2v);

        assertThat(injector.getInstance(ModelCatalog.class).modelIds()).containsAll(IDS);
        try (VideoClient client = injector.getInstance(VideoClient.class)) {
            assertThat(client.models().capabilities("veo-3.1-lite-image-to-video")).isPresent();
            assertThat(client.submit(VeoI2vExampleTest.PAGE_EXAMPLE).status()).isEqualTo(TaskStatus.PENDING);
            VeoImageToVideoRequest bad = VeoI2vExampleTest.PAGE_EXAMPLE.toBuilder().model(VeoI2vModel.LITE).safetyTolerance(2).build();
            assertThatThrownBy(() -> client.submit(bad)).isInstanceOf(RequestValidationException.class)
                    .satisfies(e -> assertThat(((RequestValidationException) e).violations()).extracting(Violation::ruleId)
                            .containsExactly("veo-i2v.variant.safety-tolerance"));
        }
        assertThat(port.submitCount()).isEqualTo(1);
        assertThat(port.submittedRequests()).containsExactly(VeoI2vExampleTest.PAGE_EXAMPLE);
    }

    @Test
    void withoutABindingAGuiceClientKnowsTheModelThroughServiceLoaderAsABuiltOneDoes() {
        Injector injector = Guice.createInjector(new VideoClientModule(config), new FakeTaskPortModule(new FakeTaskPort()));
        assertThat(injector.getInstance(ModelCatalog.class).modelIds()).contains("veo-3.1-image-to-video");
        try (VideoClient client = injector.getInstance(VideoClient.class)) {
            assertThat(client.validate(VeoI2vExampleTest.PAGE_EXAMPLE)).isEmpty();
        }
    }

    @Test
    void theInferredRuleCanBeSwitchedOffTheDocumentedOnesCannot() {
        VeoImageToVideoRequest liteWithTolerance = VeoImageToVideoRequest.builder(VeoI2vModel.LITE).prompt("p")
                .imageUrl("https://example.com/a.jpg").safetyTolerance(2).build();
        RequestValidator lenient = new RequestValidator(VALIDATOR,
                ValidationPolicy.defaults().disable(VeoI2vRuleIds.VARIANT_SAFETY_TOLERANCE));
        assertThat(lenient.validate(liteWithTolerance)).isEmpty();
        assertThat(lenient.validate(liteWithTolerance.toBuilder().safetyTolerance(7).build())).extracting(Violation::ruleId)
                .containsExactly("veo.safety-tolerance.range");

        ModelCatalog guiceCatalog = ModelCatalog.of(List.of(new VeoImageToVideoFamily()));
        assertThat(ValidationPolicy.switchableRuleIds(guiceCatalog)).contains(VeoI2vRuleIds.VARIANT_SAFETY_TOLERANCE);
        assertThat(ValidationPolicy.defaults().disable(guiceCatalog, VeoI2vRuleIds.VARIANT_SAFETY_TOLERANCE)
                .isEnabled(VeoI2vRuleIds.VARIANT_SAFETY_TOLERANCE)).isFalse();
        for (String documented : VeoI2vRuleIds.ALL) {
            if (!VeoI2vRuleIds.SWITCHABLE.contains(documented)) {
                assertThatThrownBy(() -> ValidationPolicy.defaults().disable(documented)).as(documented)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(documented);
            }
        }
    }
}
