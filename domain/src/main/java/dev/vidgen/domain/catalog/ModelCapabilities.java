package dev.vidgen.domain.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The capability table of one model id: which fields it accepts and what values.
 *
 * @param modelId     the id sent as {@code model}
 * @param family      the family's name
 * @param description one line for humans
 * @param fields      every field the model accepts, {@code model} included
 */
public record ModelCapabilities(String modelId, String family, String description, List<FieldSpec> fields) {

    public ModelCapabilities {
        fields = List.copyOf(fields);
    }

    /** The spec of a field by JSON name. */
    public Optional<FieldSpec> field(String jsonName) {
        return fields.stream().filter(f -> f.name().equals(jsonName)).findFirst();
    }
}
