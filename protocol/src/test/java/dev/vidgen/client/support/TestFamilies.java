package dev.vidgen.client.support;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.kling.KlingFamily;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.domain.veo.VeoFamily;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A "third family" the client has never seen (a user's own), to prove the codec and the client
 * work for any family without code of theirs.
 */
public final class TestFamilies {

    private TestFamilies() {
    }

    /** A catalog of the two seed families and the third family. */
    public static ModelCatalog catalog() {
        return ModelCatalog.of(List.of(new VeoFamily(), new KlingFamily(), new Pika()));
    }

    private static FieldSpec field(String name, String javaName, List<String> allowed, String... rules) {
        return new FieldSpec(name, javaName, "string", false, allowed, null, null, null, List.of(rules), name);
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
