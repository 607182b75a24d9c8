package dev.vidgen.client.support;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.Violation;
import java.util.List;

/**
 * A family registered only through {@code META-INF/services} in the client's test resources: both
 * a builder-made and a Guice-made client must see it.
 */
public final class ServiceRegisteredFamily implements ModelFamily<ServiceRegisteredFamily.LumaRequest> {

    /** Its only model. */
    public static final String MODEL_ID = "luma-service-test-1";

    @Override public String name() { return "luma"; }
    @Override public Class<LumaRequest> requestType() { return LumaRequest.class; }
    @Override public List<ModelCapabilities> models() {
        return List.of(new ModelCapabilities(MODEL_ID, name(), "luma", List.of()));
    }
    @Override public List<Violation> checkRules(LumaRequest request) { return List.of(); }

    /** Its request. */
    public record LumaRequest(String prompt) implements VideoRequest {
        @Override
        public String modelId() {
            return MODEL_ID;
        }
    }
}
