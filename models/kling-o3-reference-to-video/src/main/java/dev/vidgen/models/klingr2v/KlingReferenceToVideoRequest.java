package dev.vidgen.models.klingr2v;

import dev.vidgen.domain.RequestLists;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.Urls;
import dev.vidgen.domain.validation.constraints.CapabilityRules;
import dev.vidgen.domain.validation.constraints.HttpUrl;
import dev.vidgen.domain.validation.constraints.IntRange;
import dev.vidgen.domain.validation.constraints.MaxLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;

/**
 * A Kling O3 reference-to-video request ({@code kling-o3-reference-to-video}; not the seed's
 * {@code kling-o3-ref}, which has another shape). A prompt or a multi_prompt, optional first and
 * end frames, reference images ({@code @Image1}...) and subject elements ({@code @Element1}...).
 * Optional fields are {@code null} when not set; only the fields set are sent. Build one with
 * {@link #builder()}.
 *
 * <p>Validation: single-field rules are the constraints on the components (and on
 * {@link KlingElement}, {@link KlingPromptSegment}); the cross-field rules (prompt or multi_prompt,
 * the multi_prompt sum, the prompt references) are {@link KlingReferenceToVideoFamily}'s, run by
 * {@link CapabilityRules}. Nothing is checked when building.
 *
 * @param prompt        the prompt, at most 2500 characters; not with multiPrompt
 * @param resolution    optional resolution
 * @param generateAudio optional; whether to generate audio
 * @param startImageUrl optional first frame
 * @param endImageUrl   optional end frame
 * @param imageUrls     optional reference images, {@code @Image1} is the first
 * @param elements      optional subject elements, {@code @Element1} is the first (advanced)
 * @param aspectRatio   optional aspect ratio
 * @param duration      optional seconds, 3 to 15
 * @param shotType      optional, fixed to customize (advanced)
 * @param multiPrompt   optional prompt segments whose durations add up to the duration; not with prompt
 */
@CapabilityRules(KlingReferenceToVideoFamily.class)
public record KlingReferenceToVideoRequest(
        @MaxLength(value = KlingReferenceToVideoFamily.MAX_PROMPT_LENGTH,
                message = "[kling-r2v.prompt.length] prompt must be at most {value} characters")
        String prompt,
        KlingR2vResolution resolution,
        Boolean generateAudio,
        @HttpUrl(message = "[url.absolute-http] start_image_url must be an absolute http or https URL with a host and no spaces")
        URI startImageUrl,
        @HttpUrl(message = "[url.absolute-http] end_image_url must be an absolute http or https URL with a host and no spaces")
        URI endImageUrl,
        List<@NotNull(message = "[list.item.required] an image_urls item must not be null")
             @HttpUrl(message = "[url.absolute-http] a reference image URL must be an absolute http or https URL with a host and no spaces")
             URI> imageUrls,
        List<@NotNull(message = "[list.item.required] an elements item must not be null") @Valid KlingElement> elements,
        KlingR2vAspectRatio aspectRatio,
        @IntRange(min = KlingReferenceToVideoFamily.MIN_DURATION, max = KlingReferenceToVideoFamily.MAX_DURATION,
                message = "[kling-r2v.duration.range] duration must be {min} to {max} seconds")
        Integer duration,
        KlingR2vShotType shotType,
        List<@NotNull(message = "[list.item.required] a multi_prompt segment must not be null") @Valid KlingPromptSegment> multiPrompt)
        implements VideoRequest {

    /** The model id of this family. */
    public static final String MODEL_ID = "kling-o3-reference-to-video";

    public KlingReferenceToVideoRequest {
        imageUrls = RequestLists.frozen(imageUrls);
        elements = RequestLists.frozen(elements);
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
        b.prompt = prompt; b.resolution = resolution; b.generateAudio = generateAudio;
        b.startImageUrl = startImageUrl; b.endImageUrl = endImageUrl;
        b.imageUrls = RequestLists.editable(imageUrls);
        b.elements = RequestLists.editable(elements);
        b.aspectRatio = aspectRatio; b.duration = duration; b.shotType = shotType;
        b.multiPrompt = RequestLists.editable(multiPrompt);
        return b;
    }

    /** Builds a {@link KlingReferenceToVideoRequest}; nothing is validated until the request is submitted or validated. */
    public static final class Builder {
        private String prompt;
        private KlingR2vResolution resolution;
        private Boolean generateAudio;
        private URI startImageUrl;
        private URI endImageUrl;
        private List<URI> imageUrls;
        private List<KlingElement> elements;
        private KlingR2vAspectRatio aspectRatio;
        private Integer duration;
        private KlingR2vShotType shotType;
        private List<KlingPromptSegment> multiPrompt;

        private Builder() {
        }

        /** Sets the prompt (not with {@link #segment}). */
        public Builder prompt(String prompt) { this.prompt = prompt; return this; }

        /** Sets the resolution. */
        public Builder resolution(KlingR2vResolution resolution) { this.resolution = resolution; return this; }

        /** Sets whether audio is generated. */
        public Builder generateAudio(Boolean generateAudio) { this.generateAudio = generateAudio; return this; }

        /** Sets the first frame. */
        public Builder startImageUrl(URI url) { this.startImageUrl = url; return this; }

        /** Sets the first frame given as text; a malformed URL is reported by validation, not here. */
        public Builder startImageUrl(String url) { return startImageUrl(Urls.parseLenient(url)); }

        /** Sets the end frame. */
        public Builder endImageUrl(URI url) { this.endImageUrl = url; return this; }

        /** Sets the end frame given as text; a malformed URL is reported by validation, not here. */
        public Builder endImageUrl(String url) { return endImageUrl(Urls.parseLenient(url)); }

        /** Adds one reference image (the first is {@code @Image1}). */
        public Builder image(URI url) { imageUrls = RequestLists.append(imageUrls, url); return this; }

        /** Adds one reference image given as text; a malformed URL is reported by validation, not here. */
        public Builder image(String url) { return image(Urls.parseLenient(url)); }

        /** Replaces the reference images. */
        public Builder imageUrls(List<URI> urls) { this.imageUrls = RequestLists.editable(urls); return this; }

        /** Adds one subject element (the first is {@code @Element1}). */
        public Builder element(KlingElement element) { elements = RequestLists.append(elements, element); return this; }

        /** Replaces the subject elements. */
        public Builder elements(List<KlingElement> elements) { this.elements = RequestLists.editable(elements); return this; }

        /** Sets the aspect ratio. */
        public Builder aspectRatio(KlingR2vAspectRatio aspectRatio) { this.aspectRatio = aspectRatio; return this; }

        /** Sets the total duration in seconds, 3 to 15. */
        public Builder duration(Integer duration) { this.duration = duration; return this; }

        /** Sets the shot type (advanced: do not pass unless necessary). */
        public Builder shotType(KlingR2vShotType shotType) { this.shotType = shotType; return this; }

        /** Adds one multi_prompt segment (not with {@link #prompt}). */
        public Builder segment(String prompt, int seconds) {
            multiPrompt = RequestLists.append(multiPrompt, new KlingPromptSegment(prompt, seconds));
            return this;
        }

        /** Replaces the multi_prompt segments. */
        public Builder multiPrompt(List<KlingPromptSegment> segments) {
            this.multiPrompt = RequestLists.editable(segments);
            return this;
        }

        /** Builds the immutable request. */
        public KlingReferenceToVideoRequest build() {
            return new KlingReferenceToVideoRequest(prompt, resolution, generateAudio, startImageUrl, endImageUrl, imageUrls,
                    elements, aspectRatio, duration, shotType, multiPrompt);
        }
    }
}
