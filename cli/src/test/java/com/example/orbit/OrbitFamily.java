package com.example.orbit;

import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/** The test-only family's descriptor, registered through ServiceLoader in the CLI's test resources. */
public final class OrbitFamily implements ModelFamily<OrbitRequest> {

    static final int MAX_FRAMES = 48;

    @Override
    public String name() {
        return "orbit";
    }

    @Override
    public Class<OrbitRequest> requestType() {
        return OrbitRequest.class;
    }

    @Override
    public List<ModelCapabilities> models() {
        return List.of(new ModelCapabilities(OrbitRequest.MODEL_ID, name(), "a made-up model of the CLI's tests", List.of(
                new FieldSpec("model", "model", "string", true, List.of(OrbitRequest.MODEL_ID), null, null, null, List.of(), "the model id"),
                new FieldSpec("prompt", "prompt", "string", true, List.of(), null, null, null, List.of("orbit.prompt.required"), "what to show"),
                new FieldSpec("frames", "frames", "integer", false, List.of(), 1, MAX_FRAMES, null, List.of("orbit.frames.range"), "frames"),
                new FieldSpec("palette", "palette", "string[]", false, List.of(), null, null, null, List.of(), "colours"),
                new FieldSpec("loop", "loop", "boolean", false, List.of(), null, null, null, List.of(), "loops"),
                new FieldSpec("speed", "speed", "number", false, List.of(), null, null, null, List.of(), "speed factor"),
                new FieldSpec("layers", "layers", "object[]", false, List.of(), null, null, null, List.of(), "named layers"))));
    }

    @Override
    public List<Violation> checkRules(OrbitRequest r) {
        List<Violation> out = new ArrayList<>();
        if (r.prompt() == null || r.prompt().isBlank()) {
            out.add(new Violation("orbit.prompt.required", "prompt", r.prompt(), "prompt is required"));
        }
        if (r.frames() != null && (r.frames() < 1 || r.frames() > MAX_FRAMES)) {
            out.add(new Violation("orbit.frames.range", "frames", r.frames(), "frames must be 1 to " + MAX_FRAMES + "; got " + r.frames()));
        }
        return out;
    }
}
