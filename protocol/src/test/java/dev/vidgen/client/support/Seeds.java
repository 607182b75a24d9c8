package dev.vidgen.client.support;

import dev.vidgen.domain.kling.KeepOriginalSound;
import dev.vidgen.domain.kling.KlingMode;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.kling.KlingVideo;
import dev.vidgen.domain.kling.ReferType;
import dev.vidgen.domain.veo.ReferenceType;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.domain.veo.VeoResolution;
import java.net.URI;
import java.util.List;

/** The curl examples of the two seed pages, as typed requests and as the exact JSON they must become. */
public final class Seeds {

    private Seeds() {
    }

    /** The body of the curl example on the Veo seed page (000), compacted, field order kept. */
    public static final String VEO_JSON = "{\"model\":\"veo-3.1-reference-to-video\",\"prompt\":\"A woman walking through a garden\","
            + "\"reference_image_urls\":[\"https://example.com/ref1.jpg\"],\"duration\":8,\"resolution\":\"1080p\",\"reference_type\":\"STYLE\"}";

    /** The body of the curl example on the Kling seed page (002), compacted, field order kept. */
    public static final String KLING_JSON = "{\"model\":\"kling-o3-ref\",\"prompt\":\"参照 <<<video_1>>> 的运镜和节奏,拍摄城市雨夜街景\","
            + "\"mode\":\"pro\",\"video_list\":[{\"video_url\":\"https://example.com/reference.mp4\",\"refer_type\":\"feature\","
            + "\"keep_original_sound\":\"no\"}],\"duration\":5}";

    /** The Veo seed example as a typed request. */
    public static VeoReferenceRequest veo() {
        return VeoReferenceRequest.builder(VeoModel.STANDARD)
                .prompt("A woman walking through a garden")
                .referenceImage("https://example.com/ref1.jpg")
                .duration(8)
                .resolution(VeoResolution.P1080)
                .referenceType(ReferenceType.STYLE)
                .build();
    }

    /** The Kling seed example as a typed request. */
    public static KlingReferenceRequest kling() {
        return KlingReferenceRequest.builder()
                .prompt("参照 <<<video_1>>> 的运镜和节奏,拍摄城市雨夜街景")
                .mode(KlingMode.PRO)
                .videoList(List.of(new KlingVideo(URI.create("https://example.com/reference.mp4"), ReferType.FEATURE, KeepOriginalSound.NO)))
                .duration(5)
                .build();
    }
}
