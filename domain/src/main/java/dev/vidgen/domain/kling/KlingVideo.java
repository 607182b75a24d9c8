package dev.vidgen.domain.kling;

import dev.vidgen.domain.validation.constraints.HttpUrl;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/**
 * The item of Kling's {@code video_list} (at most one).
 *
 * @param videoUrl          the reference video, an absolute http(s) URL
 * @param referType         feature reference or base video; {@code null} when not set (only an
 *                          explicit {@link ReferType#BASE} triggers the base-video rules)
 * @param keepOriginalSound whether to keep its sound; {@code null} when not set
 */
public record KlingVideo(
        @NotNull(message = "[url.absolute-http] video_url is required: an absolute http or https URL")
        @HttpUrl(message = "[url.absolute-http] video_url must be an absolute http or https URL with a host and no spaces")
        URI videoUrl,
        ReferType referType,
        KeepOriginalSound keepOriginalSound) {
}
