package dev.vidgen.domain.veo;

import dev.vidgen.domain.RequestLists;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.Urls;
import dev.vidgen.domain.validation.constraints.CapabilityRules;
import dev.vidgen.domain.validation.constraints.HttpUrl;
import dev.vidgen.domain.validation.constraints.IntRange;
import dev.vidgen.domain.validation.constraints.ListSize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;

/**
 * A Veo 3.1 reference-to-video request ({@code veo-3.1-reference-to-video} or
 * {@code veo-3.1-fast-reference-to-video}). Optional fields are {@code null} when not set; only
 * the fields set are sent. Build one with {@link #builder(VeoModel)}.
 *
 * <p>Validation: single-field rules are the constraints on the components; the cross-field and
 * per-variant rules ({@code veo.duration.fixed}, {@code veo.variant.*}) are {@link VeoFamily}'s,
 * run by {@link CapabilityRules}. Nothing is checked when building.
 *
 * @param model               the variant
 * @param prompt              the text prompt, Chinese or English
 * @param referenceImageUrls  1 to 3 reference images
 * @param aspectRatio         optional aspect ratio
 * @param duration            optional duration in seconds; fixed at 8
 * @param resolution          optional resolution
 * @param generateAudio       optional; whether to generate audio
 * @param autoFix             optional; let the server fix the prompt
 * @param safetyTolerance     optional; 1 (strictest) to 6
 * @param enhancePrompt       optional; standard model only
 * @param personGeneration    optional; standard model only
 * @param referenceType       optional; standard model only
 */
@CapabilityRules(VeoFamily.class)
public record VeoReferenceRequest(
        @NotNull(message = "[veo.model] model is required: veo-3.1-reference-to-video or veo-3.1-fast-reference-to-video")
        VeoModel model,
        @NotBlank(message = "[veo.prompt.required] prompt must not be blank; describe the video in Chinese or English")
        String prompt,
        @NotNull(message = "[veo.reference-images.count] reference_image_urls is required: give 1 to 3 image URLs")
        @ListSize(min = VeoFamily.MIN_REFERENCE_IMAGES, max = VeoFamily.MAX_REFERENCE_IMAGES,
                message = "[veo.reference-images.count] reference_image_urls takes {min} to {max} image URLs")
        List<@NotNull(message = "[list.item.required] a reference image URL must not be null")
             @HttpUrl(message = "[url.absolute-http] a reference image URL must be an absolute http or https URL with a host and no spaces")
             URI> referenceImageUrls,
        VeoAspectRatio aspectRatio,
        Integer duration,
        VeoResolution resolution,
        Boolean generateAudio,
        Boolean autoFix,
        @IntRange(min = VeoFamily.MIN_SAFETY_TOLERANCE, max = VeoFamily.MAX_SAFETY_TOLERANCE,
                message = "[veo.safety-tolerance.range] safety_tolerance must be {min} (strictest) to {max} (most permissive)")
        Integer safetyTolerance,
        Boolean enhancePrompt,
        PersonGeneration personGeneration,
        ReferenceType referenceType) implements VideoRequest {

    public VeoReferenceRequest {
        referenceImageUrls = RequestLists.frozen(referenceImageUrls);
    }

    @Override
    public String modelId() {
        return model == null ? null : model.value();
    }

    /** Starts a request for the given variant. */
    public static Builder builder(VeoModel model) {
        return new Builder().model(model);
    }

    /** Starts a builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model; b.prompt = prompt;
        b.referenceImageUrls = RequestLists.editable(referenceImageUrls);
        b.aspectRatio = aspectRatio; b.duration = duration; b.resolution = resolution;
        b.generateAudio = generateAudio; b.autoFix = autoFix; b.safetyTolerance = safetyTolerance;
        b.enhancePrompt = enhancePrompt; b.personGeneration = personGeneration; b.referenceType = referenceType;
        return b;
    }

    /** Builds a {@link VeoReferenceRequest}; nothing is validated until the request is submitted or validated. */
    public static final class Builder {
        private VeoModel model;
        private String prompt;
        private List<URI> referenceImageUrls;
        private VeoAspectRatio aspectRatio;
        private Integer duration;
        private VeoResolution resolution;
        private Boolean generateAudio;
        private Boolean autoFix;
        private Integer safetyTolerance;
        private Boolean enhancePrompt;
        private PersonGeneration personGeneration;
        private ReferenceType referenceType;

        private Builder() {
        }

        /** Sets the variant. */
        public Builder model(VeoModel model) { this.model = model; return this; }

        /** Sets the prompt. */
        public Builder prompt(String prompt) { this.prompt = prompt; return this; }

        /** Adds one reference image. */
        public Builder referenceImage(URI url) {
            referenceImageUrls = RequestLists.append(referenceImageUrls, url);
            return this;
        }

        /** Adds one reference image given as text; a malformed URL is reported by validation, not here. */
        public Builder referenceImage(String url) {
            return referenceImage(Urls.parseLenient(url));
        }

        /** Replaces the reference images. */
        public Builder referenceImageUrls(List<URI> urls) {
            this.referenceImageUrls = RequestLists.editable(urls);
            return this;
        }

        /** Sets the aspect ratio. */
        public Builder aspectRatio(VeoAspectRatio aspectRatio) { this.aspectRatio = aspectRatio; return this; }

        /** Sets the duration in seconds (fixed at 8 for reference-to-video). */
        public Builder duration(Integer duration) { this.duration = duration; return this; }

        /** Sets the resolution. */
        public Builder resolution(VeoResolution resolution) { this.resolution = resolution; return this; }

        /** Sets whether audio is generated. */
        public Builder generateAudio(Boolean generateAudio) { this.generateAudio = generateAudio; return this; }

        /** Sets auto_fix (advanced: pass only when necessary). */
        public Builder autoFix(Boolean autoFix) { this.autoFix = autoFix; return this; }

        /** Sets safety tolerance, 1 (strictest) to 6 (advanced). */
        public Builder safetyTolerance(Integer safetyTolerance) { this.safetyTolerance = safetyTolerance; return this; }

        /** Sets enhance_prompt (standard model only, advanced). */
        public Builder enhancePrompt(Boolean enhancePrompt) { this.enhancePrompt = enhancePrompt; return this; }

        /** Sets person generation (standard model only, advanced). */
        public Builder personGeneration(PersonGeneration personGeneration) { this.personGeneration = personGeneration; return this; }

        /** Sets the reference type (standard model only, advanced). */
        public Builder referenceType(ReferenceType referenceType) { this.referenceType = referenceType; return this; }

        /** Builds the immutable request. */
        public VeoReferenceRequest build() {
            return new VeoReferenceRequest(model, prompt, referenceImageUrls, aspectRatio, duration, resolution,
                    generateAudio, autoFix, safetyTolerance, enhancePrompt, personGeneration, referenceType);
        }
    }
}
