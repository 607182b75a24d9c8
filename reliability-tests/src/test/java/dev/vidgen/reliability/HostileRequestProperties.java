package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.kling.ImageType;
import dev.vidgen.domain.kling.KeepOriginalSound;
import dev.vidgen.domain.kling.KlingAspectRatio;
import dev.vidgen.domain.kling.KlingImage;
import dev.vidgen.domain.kling.KlingMode;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.kling.KlingShot;
import dev.vidgen.domain.kling.KlingVideo;
import dev.vidgen.domain.kling.ReferType;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.domain.veo.PersonGeneration;
import dev.vidgen.domain.veo.ReferenceType;
import dev.vidgen.domain.veo.VeoAspectRatio;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.domain.veo.VeoResolution;
import dev.vidgen.fake.server.FakeVideoApi;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Disabled;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Typed requests built from hostile values (nulls everywhere, empty and huge lists, 100,000
 * character prompts, lone surrogates, RTL and zero-width characters, bogus URLs, numbers at every
 * edge): {@code validate} never throws and lists only well-formed violations, and {@code submit}
 * either sends the request (no violation) or fails with exactly those violations in a
 * {@link RequestValidationException} without sending anything.
 */
class HostileRequestProperties {

    static final ValidationCheck CHECK = new ValidationCheck();

    @AfterContainer
    static void close() {
        CHECK.close();
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void veoRequestsEndInTypedViolationsOrPass(@ForAll("veoRequests") VeoReferenceRequest request) {
        CHECK.assertValidationIsTyped(request);
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void klingRequestsEndInTypedViolationsOrPass(@ForAll("klingRequests") KlingReferenceRequest request) {
        CHECK.assertValidationIsTyped(request);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void requestsOfUnknownFamiliesEndInTypedViolations(@ForAll("foreignRequests") VideoRequest request) {
        CHECK.assertValidationIsTyped(request);
    }

    @Example
    void aNullRequestIsAViolationNotAnNpe() {
        CHECK.assertValidationIsTyped(null);
        assertThat(CHECK.client().validate(null)).extracting(Violation::ruleId).containsExactly("request.required");
    }

    @Example
    void aHundredThousandCharacterKlingPromptIsRefusedByItsLengthRule() {
        KlingReferenceRequest r = KlingReferenceRequest.builder().prompt(Hostile.HUGE).build();
        assertThat(CHECK.client().validate(r)).extracting(Violation::ruleId).contains("kling.prompt.length");
        CHECK.assertValidationIsTyped(r);
    }

    @Example
    void aHundredThousandReferenceImagesAreRefusedByTheCountRule() {
        List<java.net.URI> urls = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            urls.add(java.net.URI.create("https://example.com/" + i + ".png"));
        }
        VeoReferenceRequest r = VeoReferenceRequest.builder(VeoModel.FAST).prompt("p").referenceImageUrls(urls).build();
        assertThat(CHECK.client().validate(r)).extracting(Violation::ruleId).containsExactly("veo.reference-images.count");
        CHECK.assertValidationIsTyped(r);
    }

    @Example
    void aForeignRequestWithABlankModelIdIsAViolationOverHttp() {
        assertForeignRequestRefusedOverHttp("");
        assertForeignRequestRefusedOverHttp("  ");
    }

    @Example
    void aForeignRequestWithoutAModelIdIsAViolationOverHttp() {
        assertForeignRequestRefusedOverHttp(null);
    }

    /** A request type no family knows, sent through the real wire protocol: refused by validation, nothing sent. */
    private static void assertForeignRequestRefusedOverHttp(String modelId) {
        try (FakeVideoApi api = FakeVideoApi.start();
             VideoClient http = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).build()) {
            ForeignRequest r = new ForeignRequest(modelId, "a fox");
            assertThat(http.validate(r)).as("violations of model id '%s'", modelId).isNotEmpty();
            assertThat(catchThrowable(() -> http.submit(r))).as("submit with model id '%s'", modelId)
                    .isInstanceOf(RequestValidationException.class);
            assertThat(api.submitCount()).isZero();
        }
    }

    @Provide
    Arbitrary<VeoReferenceRequest> veoRequests() {
        return Builders.withBuilder(() -> VeoReferenceRequest.builder(null))
                .use(Arbitraries.of(VeoModel.class).injectNull(0.1)).in((b, v) -> b.model(v))
                .use(Hostile.strings()).in((b, v) -> b.prompt(v))
                .use(Hostile.lists(Hostile.uris())).in((b, v) -> b.referenceImageUrls(v))
                .use(Arbitraries.of(VeoAspectRatio.class).injectNull(0.5)).in((b, v) -> b.aspectRatio(v))
                .use(Hostile.integers()).in((b, v) -> b.duration(v))
                .use(Arbitraries.of(VeoResolution.class).injectNull(0.5)).in((b, v) -> b.resolution(v))
                .use(Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.5)).in((b, v) -> b.generateAudio(v))
                .use(Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.5)).in((b, v) -> b.autoFix(v))
                .use(Hostile.integers()).in((b, v) -> b.safetyTolerance(v))
                .use(Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.6)).in((b, v) -> b.enhancePrompt(v))
                .use(Arbitraries.of(PersonGeneration.class).injectNull(0.6)).in((b, v) -> b.personGeneration(v))
                .use(Arbitraries.of(ReferenceType.class).injectNull(0.6)).in((b, v) -> b.referenceType(v))
                .build(VeoReferenceRequest.Builder::build);
    }

    @Provide
    Arbitrary<KlingReferenceRequest> klingRequests() {
        Arbitrary<KlingImage> image = Combinators.combine(Hostile.uris(), Arbitraries.of(ImageType.class).injectNull(0.5))
                .as(KlingImage::new);
        Arbitrary<KlingVideo> video = Combinators.combine(Hostile.uris(), Arbitraries.of(ReferType.class).injectNull(0.3),
                Arbitraries.of(KeepOriginalSound.class).injectNull(0.5)).as(KlingVideo::new);
        Arbitrary<KlingShot> shot = Combinators.combine(Hostile.strings(), Hostile.integers()).as(KlingShot::new);
        return Builders.withBuilder(KlingReferenceRequest::builder)
                .use(Hostile.strings()).in((b, v) -> b.prompt(v))
                .use(Arbitraries.of(KlingMode.class).injectNull(0.5)).in((b, v) -> b.mode(v))
                .use(Hostile.lists(image)).in((b, v) -> b.imageList(v))
                .use(Hostile.lists(video)).in((b, v) -> b.videoList(v))
                .use(Arbitraries.of(KlingAspectRatio.class).injectNull(0.5)).in((b, v) -> b.aspectRatio(v))
                .use(Hostile.integers()).in((b, v) -> b.duration(v))
                .use(Hostile.lists(shot)).in((b, v) -> b.multiPrompt(v))
                .build(KlingReferenceRequest.Builder::build);
    }

    /** A user's own request type that no installed family knows, with any model id, including none. */
    record ForeignRequest(String modelId, String prompt) implements VideoRequest {
    }

    @Provide
    Arbitrary<VideoRequest> foreignRequests() {
        Arbitrary<String> modelIds = Arbitraries.oneOf(Hostile.strings(),
                Arbitraries.of("veo-3.1-reference-to-video", "kling-o3-ref", "sora-2", ""));
        return Combinators.combine(modelIds, Hostile.strings()).as(ForeignRequest::new);
    }
}
