package com.example.pixel;

import dev.vidgen.domain.validation.constraints.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;

/** One layer of a demo pixel animation. */
public record PixelLayer(
        @NotBlank(message = "[pixel.layer.name] a layer needs a name") String name,
        @HttpUrl(message = "[url.absolute-http] palette must be an absolute http or https URL") URI palette) {
}
