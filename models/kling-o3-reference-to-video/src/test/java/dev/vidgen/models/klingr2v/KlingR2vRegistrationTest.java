package dev.vidgen.models.klingr2v;

import static dev.vidgen.models.klingr2v.Fixtures.VALIDATOR;
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
class KlingR2vRegistrationTest {

    static final String ID = "kling-o3-reference-to-video";

    final ClientConfig config = ClientConfig.builder().apiKey("sk-test-key").build();

    @Test
    void serviceLoaderFindsTheFamilyNextToTheSeedFamilies() {
        ModelCatalog installed = ModelCatalog.loadInstalled();
        assertThat(installed.modelIds()).contains(ID, "kling-o3-ref", "veo-3.1-reference-to-video");
        assertThat(installed.familyOf(ID)).get().isInstanceOf(KlingReferenceToVideoFamily.class);
        assertThat(installed.familyOf(KlingReferenceToVideoRequest.class)).get().isInstanceOf(KlingReferenceToVideoFamily.class);
        assertThat(installed.capabilities(ID)).get().satisfies(c -> {
            assertThat(c.field("duration")).get().satisfies(f -> assertThat(List.of(f.min(), f.max())).containsExactly(3, 15));
            assertThat(c.field("shot_type")).get().satisfies(f -> assertThat(f.allowedValues()).containsExactly("customize"));
        });
    }

    @Test
    void theClientsGuiceModuleTakesTheFamilyThroughItsMultibinder() {
        FakeTaskPort port = FakeTaskPort.builder().catalog(ModelCatalog.loadInstalled()).build();
        Module klingR2v = new AbstractModule() {
            @Override
            protected void configure() {
                VideoClientModule.families(binder()).addBinding().to(KlingReferenceToVideoFamily.class);
            }
        };
        Injector injector = Guice.createInjector(new VideoClientModule(config), new FakeTaskPortModule(port), klingR2v);

        assertThat(injector.getInstance(ModelCatalog.class).modelIds()).contains(ID, "kling-o3-ref");
        try (VideoClient client = injector.getInstance(VideoClient.class)) {
            assertThat(client.submit(KlingR2vExampleTest.PAGE_EXAMPLE).status()).isEqualTo(TaskStatus.PENDING);
            KlingReferenceToVideoRequest bad = KlingR2vExampleTest.PAGE_EXAMPLE.toBuilder().duration(16).build();
            assertThatThrownBy(() -> client.submit(bad)).isInstanceOf(RequestValidationException.class)
                    .satisfies(e -> assertThat(((RequestValidationException) e).violations()).extracting(Violation::ruleId)
                            .containsExactly("kling-r2v.duration.range"));
        }
        assertThat(port.submittedRequests()).containsExactly(KlingR2vExampleTest.PAGE_EXAMPLE);
    }

    @Test
    void withoutABindingAGuiceClientKnowsTheModelThroughServiceLoaderAsABuiltOneDoes() {
        Injector injector = Guice.createInjector(new VideoClientModule(config), new FakeTaskPortModule(new FakeTaskPort()));
        assertThat(injector.getInstance(ModelCatalog.class).modelIds()).contains(ID);
        try (VideoClient client = injector.getInstance(VideoClient.class)) {
            assertThat(client.validate(KlingR2vExampleTest.PAGE_EXAMPLE)).isEmpty();
        }
    }

    @Test
    void eachInferredRuleCanBeSwitchedOffAlone() {
        KlingReferenceToVideoRequest noPrompt = KlingReferenceToVideoRequest.builder().duration(5).build();
        KlingReferenceToVideoRequest badRef = KlingReferenceToVideoRequest.builder().prompt("@Image1").build();
        KlingReferenceToVideoRequest badSum = KlingReferenceToVideoRequest.builder().segment("a", 2).build();
        assertThat(List.of(noPrompt, badRef, badSum)).allSatisfy(r -> assertThat(Fixtures.violations(r)).hasSize(1));

        assertThat(lenient(KlingR2vRuleIds.PROMPT_REQUIRED).validate(noPrompt)).isEmpty();
        assertThat(lenient(KlingR2vRuleIds.PROMPT_TEMPLATE_REF).validate(badRef)).isEmpty();
        assertThat(lenient(KlingR2vRuleIds.MULTI_PROMPT_SUM).validate(badSum)).isEmpty();
        assertThat(lenient(KlingR2vRuleIds.MULTI_PROMPT_SUM).validate(badRef)).as("only the rule switched off").hasSize(1);

        ModelCatalog guiceCatalog = ModelCatalog.of(List.of(new KlingReferenceToVideoFamily()));
        assertThat(ValidationPolicy.switchableRuleIds(guiceCatalog)).containsAll(KlingR2vRuleIds.SWITCHABLE);
    }

    @Test
    void theDocumentedRulesCannotBeSwitchedOff() {
        for (String id : KlingR2vRuleIds.ALL) {
            if (!KlingR2vRuleIds.SWITCHABLE.contains(id)) {
                assertThatThrownBy(() -> ValidationPolicy.defaults().disable(id)).as(id)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id);
            }
        }
    }

    private static RequestValidator lenient(String ruleId) {
        return new RequestValidator(VALIDATOR, ValidationPolicy.defaults().disable(ruleId));
    }
}
