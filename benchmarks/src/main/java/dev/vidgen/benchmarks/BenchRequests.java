package dev.vidgen.benchmarks;

import dev.vidgen.domain.veo.VeoAspectRatio;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.domain.veo.VeoResolution;

/** The request every benchmark sends, and the same request as a JSON string written by hand. */
public final class BenchRequests {

    /** The key the benchmarks send (to loopback servers only). */
    public static final String API_KEY = "sk-vidgen-bench-key";

    /** {@link #veo()} as the wire protocol encodes it; the raw baselines send this string as it is. */
    public static final String VEO_JSON = "{\"model\":\"veo-3.1-fast-reference-to-video\","
            + "\"prompt\":\"A red fox trotting through fresh snow at dawn, cinematic, shallow depth of field\","
            + "\"reference_image_urls\":[\"https://example.com/refs/fox-1.png\",\"https://example.com/refs/fox-2.png\"],"
            + "\"aspect_ratio\":\"16:9\",\"resolution\":\"1080p\",\"generate_audio\":true}";

    private BenchRequests() {
    }

    /** A typical Veo 3.1 fast request: prompt, two reference images, three optional fields. */
    public static VeoReferenceRequest veo() {
        return VeoReferenceRequest.builder(VeoModel.FAST)
                .prompt("A red fox trotting through fresh snow at dawn, cinematic, shallow depth of field")
                .referenceImage("https://example.com/refs/fox-1.png")
                .referenceImage("https://example.com/refs/fox-2.png")
                .aspectRatio(VeoAspectRatio.LANDSCAPE_16_9)
                .resolution(VeoResolution.P1080)
                .generateAudio(true)
                .build();
    }
}
