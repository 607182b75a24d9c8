package dev.vidgen.models.veoi2v;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.Urls;
import dev.vidgen.domain.validation.constraints.CapabilityRules;
import dev.vidgen.domain.validation.constraints.HttpUrl;
import dev.vidgen.domain.validation.constraints.IntRange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/**
 * A Veo 3.1 image-to-video request ({@code veo-3.1-image-to-video}, {@code veo-3.1-fast-image-to-video}
 * or {@code veo-3.1-lite-image-to-video}): a video that starts from one image. Optional fields are
 * {@code null} when not set; only the fields set are sent. Build one with {@link #builder(VeoI2vModel)}.
 *
 * <p>Validation: single-field rules are the constraints on the components; the per-variant rules
 * ({@code veo-i2v.lite.*}, {@code veo-i2v.variant.safety-tolerance}) are {@link VeoImageToVideoFamily}'s,
 * run by {@link CapabilityRules}. Nothing is checked when building.
 *
 * @param model           the variant
 * @param prompt          the text prompt, Chinese or English
 * @param imageUrl        the first frame (16:9 or 9:16, at least 720p recommended)
 * @param aspectRatio     optional aspect ratio (server default 16:9)
 * @param resolution      optional resolution; lite: 720p or 1080p
 * @param duration        optional seconds: 4, 6 or 8 (server default 8); lite at 1080p: 8
 * @param generateAudio   optional; whether to generate audio (never filled in: the pages disagree on its default)
 * @param autoFix         optional; let the server fix the prompt (advanced)
 * @param safetyTolerance optional; 1 (strictest) to 6; standard and fast only
 */
@CapabilityRules(VeoImageToVideoFamily.class)
public record VeoImageToVideoRequest(
        @NotNull(message = "[veo-i2v.model] model is required: veo-3.1-image-to-video, veo-3.1-fast-image-to-video or veo-3.1-lite-image-to-video")
        VeoI2vModel model,
        @NotBlank(message = "[veo-i2v.prompt.required] prompt must not be blank; describe the video in Chinese or English")
        String prompt,
        @NotNull(message = "[url.absolute-http] image_url is required: the first frame, an absolute http or https URL")
        @HttpUrl(message = "[url.absolute-http] image_url must be an absolute http or https URL with a host and no spaces")
        URI imageUrl,
        VeoI2vAspectRatio aspectRatio,
        VeoI2vResolution resolution,
        @IntOneOf(value = {4, 6, 8}, message = "[veo-i2v.duration] duration must be 4, 6 or 8 seconds")
        Integer duration,
        Boolean generateAudio,
        Boolean autoFix,
        @IntRange(min = VeoImageToVideoFamily.MIN_SAFETY_TOLERANCE, max = VeoImageToVideoFamily.MAX_SAFETY_TOLERANCE,
                message = "[veo.safety-tolerance.range] safety_tolerance must be {min} (strictest) to {max} (most permissive)")
        Integer safetyTolerance) implements VideoRequest {

    @Override
    public String modelId() {
        return model == null ? null : model.value();
    }

    /** Starts a request for the given variant. */
    public static Builder builder(VeoI2vModel model) {
        return new Builder().model(model);
    }

    /** Starts a builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder().model(model).prompt(prompt).imageUrl(imageUrl).aspectRatio(aspectRatio).resolution(resolution)
                .duration(duration).generateAudio(generateAudio).autoFix(autoFix).safetyTolerance(safetyTolerance);
    }

    /** Builds a {@link VeoImageToVideoRequest}; nothing is validated until the request is submitted or validated. */
    public static final class Builder {
        private VeoI2vModel model;
        private String prompt;
        private URI imageUrl;
        private VeoI2vAspectRatio aspectRatio;
        private VeoI2vResolution resolution;
        private Integer duration;
        private Boolean generateAudio;
        private Boolean autoFix;
        private Integer safetyTolerance;

        private Builder() {
        }

        /** Sets the variant. */
        public Builder model(VeoI2vModel model) { this.model = model; return this; }

        /** Sets the prompt. */
        public Builder prompt(String prompt) { this.prompt = prompt; return this; }

        /** Sets the first-frame image. */
        public Builder imageUrl(URI url) { this.imageUrl = url; return this; }

        /** Sets the first-frame image given as text; a malformed URL is reported by validation, not here. */
        public Builder imageUrl(String url) { return imageUrl(Urls.parseLenient(url)); }

        /** Sets the aspect ratio. */
        public Builder aspectRatio(VeoI2vAspectRatio aspectRatio) { this.aspectRatio = aspectRatio; return this; }

        /** Sets the resolution. */
        public Builder resolution(VeoI2vResolution resolution) { this.resolution = resolution; return this; }

        /** Sets the duration in seconds: 4, 6 or 8. */
        public Builder duration(Integer duration) { this.duration = duration; return this; }

        /** Sets whether audio is generated. */
        public Builder generateAudio(Boolean generateAudio) { this.generateAudio = generateAudio; return this; }

        /** Sets auto_fix (advanced: pass only when necessary). */
        public Builder autoFix(Boolean autoFix) { this.autoFix = autoFix; return this; }

        /** Sets safety tolerance, 1 (strictest) to 6; standard and fast only. */
        public Builder safetyTolerance(Integer safetyTolerance) { this.safetyTolerance = safetyTolerance; return this; }

        /** Builds the immutable request. */
        public VeoImageToVideoRequest build() {
            return new VeoImageToVideoRequest(model, prompt, imageUrl, aspectRatio, resolution, duration, generateAudio,
                    autoFix, safetyTolerance);
        }
    }
}
