package dev.vidgen.domain.catalog;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.Violation;
import java.util.List;
import java.util.Set;

/**
 * The descriptor of a model family: its model ids, its request type, its capability table and its
 * cross-field rules. A new family (from any module) implements this and registers it through a
 * Guice Multibinder or {@link java.util.ServiceLoader}; nothing else in vidgen changes.
 *
 * <p>Implementations must have a public no-argument constructor (so that ServiceLoader and the
 * class-level constraint can create them), be stateless and thread-safe.
 *
 * @param <R> the family's request type
 */
public interface ModelFamily<R extends VideoRequest> {

    /** A short name, for example {@code veo-3.1-reference-to-video}. */
    String name();

    /** The request record type. */
    Class<R> requestType();

    /** One capability table per model id of this family. */
    List<ModelCapabilities> models();

    /**
     * Checks the cross-field and per-model rules (the single-field rules are Jakarta constraints on
     * the request's components). Returns every violation, empty when the request passes.
     *
     * <p>Each violation's path uses the request's Java names: segments {@code name} or
     * {@code name[index]} joined by dots ({@code duration}, {@code imageList[1].type},
     * {@code multiPrompt[2]}), or the empty string for the whole request. Its message is a
     * sentence without the rule id; {@link dev.vidgen.domain.validation.constraints.CapabilityRules}
     * adds the {@code [rule.id]} prefix and escapes the text for the message interpolator. Must
     * not throw on missing fields or null list items: those are the field constraints' to report.
     */
    List<Violation> checkRules(R request);

    /** The model ids of this family. */
    default List<String> modelIds() {
        return models().stream().map(ModelCapabilities::modelId).toList();
    }

    /**
     * The rule ids that are documented upstream (not on the seed page) and may therefore be
     * switched off by a {@link dev.vidgen.domain.validation.ValidationPolicy}; empty by default.
     */
    default Set<String> upstreamRuleIds() {
        return Set.of();
    }
}
