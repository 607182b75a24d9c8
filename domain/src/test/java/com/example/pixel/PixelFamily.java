package com.example.pixel;

import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo family's descriptor: registered through ServiceLoader (test resources) and ModelCatalog.of. */
public final class PixelFamily implements ModelFamily<PixelRequest> {

    static final int MAX_FRAMES = 64;

    @Override
    public String name() {
        return "demo-pixel";
    }

    @Override
    public Class<PixelRequest> requestType() {
        return PixelRequest.class;
    }

    @Override
    public List<ModelCapabilities> models() {
        return List.of(new ModelCapabilities(PixelRequest.MODEL_ID, name(), "a made-up pixel-art model", List.of(
                new FieldSpec("model", "model", "string", true, List.of(PixelRequest.MODEL_ID), null, null, null, List.of(), "the model id"),
                new FieldSpec("prompt", "prompt", "string", true, List.of(), null, null, null,
                        List.of("pixel.prompt.required", "pixel.prompt.no-blur"), "what to draw"),
                new FieldSpec("frames", "frames", "integer", false, List.of(), 2, MAX_FRAMES, "8",
                        List.of("pixel.frames.even", "pixel.frames.max"), "animation frames"),
                new FieldSpec("layers", "layers", "object[]", false, List.of(), null, null, null,
                        List.of("pixel.layers.unique"), "named layers"))));
    }

    @Override
    public List<Violation> checkRules(PixelRequest r) {
        List<Violation> out = new ArrayList<>();
        if (r.frames() == null && (r.layers() == null || r.layers().isEmpty())) {
            out.add(new Violation("pixel.needs-content", "", null, "set frames or layers"));
        }
        if (r.frames() != null && r.frames() > MAX_FRAMES) {
            out.add(new Violation("pixel.frames.max", "frames", r.frames(), "frames must be at most " + MAX_FRAMES + "; got " + r.frames()));
        }
        if (r.prompt() != null && r.prompt().contains("blur")) {
            // echoes user text: the constraint must escape it for the message interpolator
            out.add(new Violation("pixel.prompt.no-blur", "prompt", r.prompt(), "pixel art is sharp, but the prompt says \"" + r.prompt() + "\""));
        }
        if (r.layers() != null) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < r.layers().size(); i++) {
                PixelLayer layer = r.layers().get(i);
                if (layer != null && layer.name() != null && seen.putIfAbsent(layer.name(), i) != null) {
                    out.add(new Violation("pixel.layers.unique", "layers[" + i + "]", layer,
                            "layer name " + layer.name() + " is already used by layer " + (seen.get(layer.name()) + 1)));
                }
            }
        }
        return out;
    }

    @Override
    public Set<String> upstreamRuleIds() {
        return Set.of("pixel.frames.max");
    }
}
