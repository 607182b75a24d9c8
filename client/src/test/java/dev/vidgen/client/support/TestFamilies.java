package dev.vidgen.client.support;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal family descriptors for the client's tests: enough capability table for the codec's rule
 * look-ups, plus a "third family" the codec has never seen, to prove it works generically.
 */
public final class TestFamilies {

    private TestFamilies() {
    }

    /** A catalog of the two seed request types (stub descriptors) and the third family. */
    public static ModelCatalog catalog() {
        return ModelCatalog.of(List.of(new Veo(), new Kling(), new Pika()));
    }

    private static FieldSpec field(String name, String javaName, List<String> allowed, String... rules) {
        return new FieldSpec(name, javaName, "string", false, allowed, null, null, null, List.of(rules), name);
    }

    /** Stub of the Veo descriptor. */
    public static final class Veo implements ModelFamily<VeoReferenceRequest> {
        @Override public String name() { return "veo-stub"; }
        @Override public Class<VeoReferenceRequest> requestType() { return VeoReferenceRequest.class; }
        @Override public List<ModelCapabilities> models() {
            List<FieldSpec> fields = List.of(
                    field("model", "model", List.of(), "veo.model"),
                    field("prompt", "prompt", List.of(), "veo.prompt.required"),
                    field("reference_image_urls", "referenceImageUrls", List.of(), "veo.reference-images.count", "url.absolute-http"),
                    field("aspect_ratio", "aspectRatio", List.of("16:9", "9:16"), "veo.aspect-ratio"),
                    field("resolution", "resolution", List.of("720p", "1080p", "4k"), "veo.resolution"),
                    field("person_generation", "personGeneration", List.of("dont_allow", "allow_adult"), "veo.variant.person-generation"));
            return List.of(new ModelCapabilities("veo-3.1-reference-to-video", name(), "standard", fields),
                    new ModelCapabilities("veo-3.1-fast-reference-to-video", name(), "fast", fields));
        }
        @Override public List<Violation> checkRules(VeoReferenceRequest request) { return List.of(); }
    }

    /** Stub of the Kling descriptor. */
    public static final class Kling implements ModelFamily<KlingReferenceRequest> {
        @Override public String name() { return "kling-stub"; }
        @Override public Class<KlingReferenceRequest> requestType() { return KlingReferenceRequest.class; }
        @Override public List<ModelCapabilities> models() {
            return List.of(new ModelCapabilities("kling-o3-ref", name(), "kling", List.of(
                    field("model", "model", List.of(), "kling.model"),
                    field("prompt", "prompt", List.of(), "kling.prompt.required"),
                    field("mode", "mode", List.of("standard", "pro"), "kling.mode"),
                    field("image_list", "imageList", List.of(), "kling.image.count"),
                    field("image_list[].type", "imageList[].type", List.of("first_frame", "end_frame"), "kling.image.type"),
                    field("video_list", "videoList", List.of(), "kling.video.count"),
                    field("aspect_ratio", "aspectRatio", List.of("16:9", "9:16", "1:1"), "kling.aspect-ratio"),
                    field("duration", "duration", List.of(), "kling.duration.range"),
                    field("multi_prompt", "multiPrompt", List.of(), "kling.multi-prompt.sum"))));
        }
        @Override public List<Violation> checkRules(KlingReferenceRequest request) { return List.of(); }
    }

    /** A user's own family, unknown to the client: a record with a nested record, a list, an enum and a URI. */
    public static final class Pika implements ModelFamily<PikaRequest> {
        @Override public String name() { return "pika"; }
        @Override public Class<PikaRequest> requestType() { return PikaRequest.class; }
        @Override public List<ModelCapabilities> models() {
            return List.of(new ModelCapabilities(PikaRequest.MODEL_ID, name(), "pika", List.of(
                    field("prompt", "prompt", List.of(), "pika.prompt"),
                    field("motion_style", "motionStyle", List.of("calm", "wild"), "pika.motion-style"))));
        }
        @Override public List<Violation> checkRules(PikaRequest request) { return List.of(); }
    }

    /** The third family's enum, spelled by the API in lower case. */
    public enum MotionStyle {
        CALM("calm"), WILD("wild");
        private final String value;
        MotionStyle(String value) { this.value = value; }
        public String value() { return value; }
    }

    /** The third family's nested item. */
    public record Keyframe(URI frameUrl, Integer atSecond) {
    }

    /** The third family's request. */
    public record PikaRequest(String prompt, MotionStyle motionStyle, List<Keyframe> keyframes, Boolean loopVideo)
            implements VideoRequest {
        public static final String MODEL_ID = "pika-2.2";

        public PikaRequest {
            keyframes = keyframes == null ? null : List.copyOf(new ArrayList<>(keyframes));
        }

        @Override
        public String modelId() {
            return MODEL_ID;
        }
    }
}
