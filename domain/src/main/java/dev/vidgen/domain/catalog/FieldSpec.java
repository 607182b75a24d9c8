package dev.vidgen.domain.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * What one model accepts in one request field: readable at run time, so that the CLI and users'
 * UIs can print it.
 *
 * @param name          the field's JSON name, for example {@code aspect_ratio}
 * @param javaName      the request record's component name, for example {@code aspectRatio}
 * @param type          a short type description: {@code string}, {@code integer}, {@code boolean}, {@code string[]}, {@code object[]}
 * @param required      whether the field must be set
 * @param allowedValues the closed set of values, empty when not a closed set
 * @param min           the smallest allowed number (or list size for lists), {@code null} when unbounded
 * @param max           the largest allowed number (or list size for lists), {@code null} when unbounded
 * @param defaultValue  the server's default as text, {@code null} when none is documented
 * @param ruleIds       the rule ids that govern this field
 * @param description   one line for humans
 */
public record FieldSpec(
        String name,
        String javaName,
        String type,
        boolean required,
        List<String> allowedValues,
        Integer min,
        Integer max,
        String defaultValue,
        List<String> ruleIds,
        String description) {

    public FieldSpec {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    }

    /** The {@code allowedValues} of an enum field: each constant as the API spells it (its {@code toString()}), in order. */
    public static List<String> valuesOf(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Object::toString).toList();
    }
}
