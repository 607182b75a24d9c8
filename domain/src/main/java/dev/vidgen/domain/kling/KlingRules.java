package dev.vidgen.domain.kling;

import static dev.vidgen.domain.kling.KlingFamily.DEFAULT_DURATION;
import static dev.vidgen.domain.kling.KlingFamily.MAX_DURATION_WITH_VIDEO;
import static dev.vidgen.domain.kling.KlingFamily.MAX_IMAGES;
import static dev.vidgen.domain.kling.KlingFamily.MAX_IMAGES_WITH_VIDEO;

import dev.vidgen.domain.validation.PromptReferences;
import dev.vidgen.domain.validation.RuleIds;
import dev.vidgen.domain.validation.SegmentSum;
import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The cross-field rules of {@link KlingFamily}. Fields that are missing or null items are the
 * field constraints' business: every rule here skips what it cannot judge, and never throws.
 */
final class KlingRules {

    /** {@code <<<image_2>>>}, {@code <<<video_1>>>}; numbering starts at 1. */
    private static final PromptReferences REFERENCES =
            new PromptReferences(RuleIds.KLING_PROMPT_TEMPLATE_REF, Pattern.compile("<<<(image|video)_(\\d+)>>>"));

    private KlingRules() {
    }

    static List<Violation> check(KlingReferenceRequest r) {
        List<Violation> out = new ArrayList<>();
        List<KlingImage> images = r.imageList() == null ? List.of() : r.imageList();
        List<KlingVideo> videos = r.videoList() == null ? List.of() : r.videoList();
        boolean hasVideo = videos.stream().anyMatch(Objects::nonNull);
        boolean baseVideo = videos.stream().anyMatch(v -> v != null && v.referType() == ReferType.BASE);
        Integer duration = r.duration();

        if (baseVideo && duration != null) {
            out.add(new Violation(RuleIds.KLING_DURATION_BASE_VIDEO, "duration", duration,
                    "duration must not be set with a base reference video, whose own length decides it; remove duration (got "
                            + duration + ")"));
        }
        if (hasVideo && duration != null && duration > MAX_DURATION_WITH_VIDEO) {
            out.add(new Violation(RuleIds.KLING_DURATION_WITH_VIDEO, "duration", duration,
                    "duration must be at most " + MAX_DURATION_WITH_VIDEO + " seconds with a reference video; got " + duration));
        }

        int maxImages = hasVideo ? MAX_IMAGES_WITH_VIDEO : MAX_IMAGES;
        if (images.size() > maxImages) {
            out.add(new Violation(RuleIds.KLING_IMAGE_COUNT, "imageList", images,
                    "image_list takes at most " + maxImages + " images " + (hasVideo ? "with" : "without")
                            + " a reference video; got " + images.size()));
        }
        checkFrames(images, baseVideo, out);
        if (!baseVideo || duration != null) { // with a base video and no duration the total is unknowable
            SegmentSum.check(RuleIds.KLING_MULTI_PROMPT_SUM, r.multiPrompt(), KlingShot::duration, duration, DEFAULT_DURATION,
                    "the default", out);
        }
        REFERENCES.check(r.prompt(), r.multiPrompt(), KlingShot::prompt, Map.of(
                "image", new PromptReferences.Target("image_list", images.size(), "image", "images"),
                "video", new PromptReferences.Target("video_list", videos.size(), "video", "videos")), out);
        return out;
    }

    /** At most one first and one end frame, an end frame needs a first frame, and a base video allows neither. */
    private static void checkFrames(List<KlingImage> images, boolean baseVideo, List<Violation> out) {
        int firstAt = -1;
        int endAt = -1;
        for (int i = 0; i < images.size(); i++) {
            KlingImage image = images.get(i);
            if (image == null || image.type() == null) {
                continue;
            }
            String path = "imageList[" + i + "].type";
            if (image.type() == ImageType.FIRST_FRAME) {
                if (firstAt >= 0) {
                    out.add(new Violation(RuleIds.KLING_IMAGE_END_NEEDS_FIRST, path, image.type(),
                            "image_list may have only one first_frame; image " + (firstAt + 1) + " is already one"));
                } else {
                    firstAt = i;
                }
            } else if (image.type() == ImageType.END_FRAME) {
                if (endAt >= 0) {
                    out.add(new Violation(RuleIds.KLING_IMAGE_END_NEEDS_FIRST, path, image.type(),
                            "image_list may have only one end_frame; image " + (endAt + 1) + " is already one"));
                } else {
                    endAt = i;
                }
            }
            if (baseVideo) {
                out.add(new Violation(RuleIds.KLING_VIDEO_BASE_EXCLUDES_FRAMES, path, image.type(),
                        "a " + image.type().value() + " image cannot be used with a base reference video; "
                                + "drop the image's type or use refer_type feature"));
            }
        }
        if (endAt >= 0 && firstAt < 0) {
            out.add(new Violation(RuleIds.KLING_IMAGE_END_NEEDS_FIRST, "imageList[" + endAt + "].type", ImageType.END_FRAME,
                    "an end_frame needs a first_frame in image_list; add one or drop the type"));
        }
    }
}
