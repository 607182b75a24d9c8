package com.example.pixel;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.constraints.CapabilityRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A made-up third family's request: proves a family is addable without touching vidgen's domain. */
@CapabilityRules(PixelFamily.class)
public record PixelRequest(
        @NotBlank(message = "[pixel.prompt.required] prompt must not be blank") String prompt,
        @EvenNumber Integer frames,
        List<@NotNull(message = "[list.item.required] a layer must not be null") @Valid PixelLayer> layers)
        implements VideoRequest {

    public static final String MODEL_ID = "demo-pixel-1";

    @Override
    public String modelId() {
        return MODEL_ID;
    }
}
