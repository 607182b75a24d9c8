package dev.vidgen.domain.kling;

import dev.vidgen.domain.RequestLists;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.constraints.CapabilityRules;
import dev.vidgen.domain.validation.constraints.IntRange;
import dev.vidgen.domain.validation.constraints.ListSize;
import dev.vidgen.domain.validation.constraints.MaxLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A Kling O3 reference video request ({@code kling-o3-ref}). Optional fields are {@code null}
 * when not set; only the fields set are sent. Build one with {@link #builder()}.
 *
 * <p>Validation: single-field rules are the constraints on the components (and on
 * {@link KlingImage}, {@link KlingVideo}, {@link KlingShot}); the cross-field rules (template
 * references, frames, counts, durations, the multi_prompt sum) are {@link KlingFamily}'s, run by
 * {@link CapabilityRules}. Nothing is checked when building.
 *
 * @param prompt      the prompt; {@code <<<image_N>>>} and {@code <<<video_1>>>} refer to list items
 * @param mode        optional generation mode
 * @param imageList   optional images (first frame, end frame or plain references)
 * @param videoList   optional reference video, at most one
 * @param aspectRatio optional aspect ratio
 * @param duration    optional duration in seconds, 3 to 15
 * @param multiPrompt optional prompt segments whose durations add up to the duration
 */
@CapabilityRules(KlingFamily.class)
public record KlingReferenceRequest(
        @NotBlank(message = "[kling.prompt.required] prompt must not be blank")
        @MaxLength(value = KlingFamily.MAX_PROMPT_LENGTH, message = "[kling.prompt.length] prompt must be at most {value} characters")
        String prompt,
        KlingMode mode,
        List<@NotNull(message = "[list.item.required] an image_list item must not be null") @Valid KlingImage> imageList,
        @ListSize(max = KlingFamily.MAX_VIDEOS, message = "[kling.video.count] video_list takes at most {max} reference video")
        List<@NotNull(message = "[list.item.required] a video_list item must not be null") @Valid KlingVideo> videoList,
        KlingAspectRatio aspectRatio,
        @IntRange(min = KlingFamily.MIN_DURATION, max = KlingFamily.MAX_DURATION,
                message = "[kling.duration.range] duration must be {min} to {max} seconds")
        Integer duration,
        @ListSize(min = KlingFamily.MIN_SEGMENTS, max = KlingFamily.MAX_SEGMENTS,
                message = "[kling.multi-prompt.shape] multi_prompt takes {min} to {max} segments")
        List<@NotNull(message = "[list.item.required] a multi_prompt segment must not be null") @Valid KlingShot> multiPrompt) implements VideoRequest {

    /** The model id of this family. */
    public static final String MODEL_ID = "kling-o3-ref";

    public KlingReferenceRequest {
        imageList = RequestLists.frozen(imageList);
        videoList = RequestLists.frozen(videoList);
        multiPrompt = RequestLists.frozen(multiPrompt);
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    /** Starts a request. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.prompt = prompt; b.mode = mode; b.aspectRatio = aspectRatio; b.duration = duration;
        b.imageList = RequestLists.editable(imageList);
        b.videoList = RequestLists.editable(videoList);
        b.multiPrompt = RequestLists.editable(multiPrompt);
        return b;
    }

    /** Builds a {@link KlingReferenceRequest}; nothing is validated until the request is submitted or validated. */
    public static final class Builder {
        private String prompt;
        private KlingMode mode;
        private List<KlingImage> imageList;
        private List<KlingVideo> videoList;
        private KlingAspectRatio aspectRatio;
        private Integer duration;
        private List<KlingShot> multiPrompt;

        private Builder() {
        }

        /** Sets the prompt. */
        public Builder prompt(String prompt) { this.prompt = prompt; return this; }

        /** Sets the mode. */
        public Builder mode(KlingMode mode) { this.mode = mode; return this; }

        /** Adds one image. */
        public Builder image(KlingImage image) { imageList = RequestLists.append(imageList, image); return this; }

        /** Replaces the images. */
        public Builder imageList(List<KlingImage> images) { this.imageList = RequestLists.editable(images); return this; }

        /** Adds the reference video. */
        public Builder video(KlingVideo video) { videoList = RequestLists.append(videoList, video); return this; }

        /** Replaces the reference videos. */
        public Builder videoList(List<KlingVideo> videos) { this.videoList = RequestLists.editable(videos); return this; }

        /** Sets the aspect ratio. */
        public Builder aspectRatio(KlingAspectRatio aspectRatio) { this.aspectRatio = aspectRatio; return this; }

        /** Sets the total duration in seconds. */
        public Builder duration(Integer duration) { this.duration = duration; return this; }

        /** Adds one multi_prompt segment. */
        public Builder shot(String prompt, int seconds) {
            multiPrompt = RequestLists.append(multiPrompt, new KlingShot(prompt, seconds));
            return this;
        }

        /** Replaces the multi_prompt segments. */
        public Builder multiPrompt(List<KlingShot> shots) { this.multiPrompt = RequestLists.editable(shots); return this; }

        /** Builds the immutable request. */
        public KlingReferenceRequest build() {
            return new KlingReferenceRequest(prompt, mode, imageList, videoList, aspectRatio, duration, multiPrompt);
        }
    }
}
