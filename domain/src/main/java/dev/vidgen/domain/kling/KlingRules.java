package dev.vidgen.domain.kling;

import static dev.vidgen.domain.kling.KlingFamily.DEFAULT_DURATION;
import static dev.vidgen.domain.kling.KlingFamily.MAX_DURATION_WITH_VIDEO;
import static dev.vidgen.domain.kling.KlingFamily.MAX_IMAGES;
import static dev.vidgen.domain.kling.KlingFamily.MAX_IMAGES_WITH_VIDEO;

import dev.vidgen.domain.validation.RuleIds;
import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cross-field rules of {@link KlingFamily}. Fields that are missing or null items are the
 * field constraints' business: every rule here skips what it cannot judge, and never throws.
 */
final class KlingRules {

    /** {@code <<<image_2>>>}, {@code <<<video_1>>>}; numbering starts at 1. */
    private static final Pattern TEMPLATE_REF = Pattern.compile("<<<(image|video)_(\\d+)>>>");

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
        checkSum(r, baseVideo, out);

        checkRefs("prompt", "prompt", r.prompt(), images.size(), videos.size(), out);
        List<KlingShot> shots = r.multiPrompt() == null ? List.of() : r.multiPrompt();
        for (int i = 0; i < shots.size(); i++) {
            if (shots.get(i) != null) {
                checkRefs("multiPrompt[" + i + "].prompt", "multi_prompt segment " + (i + 1) + "'s prompt",
                        shots.get(i).prompt(), images.size(), videos.size(), out);
            }
        }
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

    /** The segment durations add up to the duration, 5 when not set; unknowable with a base video and no duration. */
    private static void checkSum(KlingReferenceRequest r, boolean baseVideo, List<Violation> out) {
        List<KlingShot> shots = r.multiPrompt();
        if (shots == null || shots.isEmpty() || (baseVideo && r.duration() == null)) {
            return;
        }
        long sum = 0;
        for (KlingShot shot : shots) {
            if (shot == null || shot.duration() == null) {
                return; // reported by the field constraints; a sum of unknowns is no news
            }
            sum += shot.duration();
        }
        int total = r.duration() == null ? DEFAULT_DURATION : r.duration();
        if (sum != total) {
            out.add(new Violation(RuleIds.KLING_MULTI_PROMPT_SUM, "multiPrompt", shots,
                    "multi_prompt segment durations add up to " + sum + " seconds but the duration is " + total
                            + (r.duration() == null ? " (the default, as duration is not set)" : "")
                            + "; make them equal"));
        }
    }

    /** Every {@code <<<image_N>>>} / {@code <<<video_N>>>} points at an existing item; each bad reference reported once. */
    private static void checkRefs(String path, String what, String prompt, int images, int videos, List<Violation> out) {
        if (prompt == null) {
            return;
        }
        Set<String> reported = new LinkedHashSet<>();
        Matcher m = TEMPLATE_REF.matcher(prompt);
        while (m.find()) {
            boolean image = m.group(1).equals("image");
            int available = image ? images : videos;
            String digits = m.group(2);
            // more than 9 digits cannot be a list position; avoid parsing it into an overflow
            long n = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
            if ((n < 1 || n > available) && reported.add(m.group())) {
                String list = image ? "image_list" : "video_list";
                String has = available == 0 ? "there is no " + list
                        : list + " has " + available + (image ? (available == 1 ? " image" : " images") : (available == 1 ? " video" : " videos"));
                out.add(new Violation(RuleIds.KLING_PROMPT_TEMPLATE_REF, path, prompt,
                        what + " refers to " + m.group() + " but " + has + "; references count from 1"));
            }
        }
    }
}
