package dev.vidgen.models.klingr2v;

import dev.vidgen.domain.RequestLists;
import dev.vidgen.domain.validation.Urls;
import dev.vidgen.domain.validation.constraints.HttpUrl;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * One subject element of a Kling O3 reference-to-video request (the page says: do not pass unless
 * necessary); a prompt names the first as {@code @Element1}.
 *
 * @param frontalImageUrl    a frontal image of the subject
 * @param referenceImageUrls more images of the subject
 */
public record KlingElement(
        @HttpUrl(message = "[url.absolute-http] frontal_image_url must be an absolute http or https URL with a host and no spaces")
        URI frontalImageUrl,
        List<@NotNull(message = "[list.item.required] a reference_image_urls item must not be null")
             @HttpUrl(message = "[url.absolute-http] a reference image URL must be an absolute http or https URL with a host and no spaces")
             URI> referenceImageUrls) {

    public KlingElement {
        referenceImageUrls = RequestLists.frozen(referenceImageUrls);
    }

    /** An element from URIs. */
    public static KlingElement of(URI frontalImageUrl, URI... referenceImageUrls) {
        return new KlingElement(frontalImageUrl, Arrays.asList(referenceImageUrls));
    }

    /** An element from URL text; a malformed URL is reported by validation, not here. */
    public static KlingElement of(String frontalImageUrl, String... referenceImageUrls) {
        return new KlingElement(Urls.parseLenient(frontalImageUrl),
                Arrays.stream(referenceImageUrls).map(Urls::parseLenient).toList());
    }
}
