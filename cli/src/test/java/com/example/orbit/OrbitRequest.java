package com.example.orbit;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.constraints.CapabilityRules;
import java.util.List;

/**
 * A made-up model module's request, registered only in the CLI's tests: proves that
 * {@code vidgen generate} builds requests for a model it has no options for.
 *
 * @param prompt  what to show
 * @param frames  how many frames, 1 to 48
 * @param palette colour names
 * @param loop    whether the animation loops
 * @param speed   a playback speed factor
 * @param layers  named layers
 */
@CapabilityRules(OrbitFamily.class)
public record OrbitRequest(String prompt, Integer frames, List<String> palette, Boolean loop, Double speed,
                           List<OrbitLayer> layers) implements VideoRequest {

    /** The one model id of the family. */
    public static final String MODEL_ID = "orbit-1";

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    /**
     * A layer.
     *
     * @param name  its name
     * @param depth its depth
     */
    public record OrbitLayer(String name, Integer depth) {
    }
}
