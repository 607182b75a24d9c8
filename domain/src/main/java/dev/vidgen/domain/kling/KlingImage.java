package dev.vidgen.domain.kling;

import dev.vidgen.domain.validation.constraints.HttpUrl;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/**
 * One item of Kling's {@code image_list}.
 *
 * @param imageUrl the image, an absolute http(s) URL
 * @param type     first frame, end frame, or {@code null} for a plain reference image
 */
public record KlingImage(
        @NotNull(message = "[url.absolute-http] image_url is required: an absolute http or https URL")
        @HttpUrl(message = "[url.absolute-http] image_url must be an absolute http or https URL with a host and no spaces")
        URI imageUrl,
        ImageType type) {

    /** A plain reference image. */
    public static KlingImage reference(URI url) {
        return new KlingImage(url, null);
    }

    /** The first frame. */
    public static KlingImage firstFrame(URI url) {
        return new KlingImage(url, ImageType.FIRST_FRAME);
    }

    /** The end frame. */
    public static KlingImage endFrame(URI url) {
        return new KlingImage(url, ImageType.END_FRAME);
    }
}
