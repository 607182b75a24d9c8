package dev.vidgen.domain.kling;

import java.net.URI;

/**
 * One item of Kling's {@code image_list}.
 *
 * @param imageUrl the image
 * @param type     first frame, end frame, or {@code null} for a plain reference image
 */
public record KlingImage(URI imageUrl, ImageType type) {

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
