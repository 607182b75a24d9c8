package dev.vidgen.domain.kling;

import java.net.URI;

/**
 * The item of Kling's {@code video_list} (at most one).
 *
 * @param videoUrl          the reference video
 * @param referType         feature reference or base video; {@code null} when not set
 * @param keepOriginalSound whether to keep its sound; {@code null} when not set
 */
public record KlingVideo(URI videoUrl, ReferType referType, KeepOriginalSound keepOriginalSound) {
}
