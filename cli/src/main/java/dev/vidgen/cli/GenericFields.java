package dev.vidgen.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code generate --set FIELD=VALUE} and {@code --set-json FIELD=JSON}: any field of any installed
 * model, typed by the model's capability table ({@link FieldSpec#type()}), so that a model module
 * nobody wrote options for still gets a working {@code generate}.
 */
final class GenericFields {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GenericFields() {
    }

    /**
     * Sets the fields of {@code sets} and {@code setJsons} in {@code body}, recording in
     * {@code setBy} which option set each.
     *
     * @param capabilities the model's table, {@code null} for an unknown model (values are then strings)
     * @param dedicated    the field each of generate's own options sets, to name it when a field is set twice
     * @param usage        makes the usage error for a message
     */
    static void apply(ObjectNode body, ModelCapabilities capabilities, List<String> sets, List<String> setJsons,
                      Map<String, String> setBy, Map<String, String> dedicated, Function<String, ? extends RuntimeException> usage) {
        if (sets != null) {
            for (String set : sets) {
                String[] fv = split("--set", "FIELD=VALUE", "--set duration=5", set, usage);
                String field = fv[0];
                String option = "--set " + field + "=...";
                String type = capabilities == null ? "string"
                        : capabilities.field(field).map(FieldSpec::type).orElse("string");
                if (type.endsWith("[]") && scalar(type.substring(0, type.length() - 2))) {
                    JsonNode existing = body.get(field);
                    if (existing != null && !option.equals(setBy.get(field))) {
                        throw usage.apply(twice(field, setBy, dedicated, option));
                    }
                    ArrayNode list = existing == null ? body.putArray(field) : (ArrayNode) existing;
                    list.add(value(field, type.substring(0, type.length() - 2), fv[1], usage));
                } else if (scalar(type)) {
                    if (body.has(field)) {
                        throw usage.apply(twice(field, setBy, dedicated, option));
                    }
                    body.set(field, value(field, type, fv[1], usage));
                } else {
                    throw usage.apply("field " + field + " of " + capabilities.modelId() + " is " + article(type) + " " + type
                            + ": give it as JSON with --set-json " + field + "=JSON");
                }
                setBy.put(field, option);
            }
        }
        if (setJsons != null) {
            for (String set : setJsons) {
                String[] fv = split("--set-json", "FIELD=JSON", "--set-json 'multi_prompt=[{\"prompt\":\"a fox\",\"duration\":3}]'",
                        set, usage);
                String field = fv[0];
                String option = "--set-json " + field + "=...";
                if (body.has(field)) {
                    throw usage.apply(twice(field, setBy, dedicated, option));
                }
                try {
                    body.set(field, JSON.readTree(fv[1]));
                } catch (JacksonException e) {
                    throw usage.apply("--set-json " + field + "=...: not valid JSON (" + e.getOriginalMessage() + ")");
                }
                setBy.put(field, option);
            }
        }
    }

    private static String[] split(String option, String form, String example, String text,
                                  Function<String, ? extends RuntimeException> usage) {
        int eq = text.indexOf('=');
        String field = eq < 0 ? "" : text.substring(0, eq).strip();
        if (field.isEmpty()) {
            throw usage.apply(option + " expects " + form + ", for example " + example + ", got '" + text + "'");
        }
        if (field.equals("model")) {
            throw usage.apply("the model is given with --model, not " + option);
        }
        return new String[] {field, text.substring(eq + 1)};
    }

    private static boolean scalar(String type) {
        return switch (type) {
            case "string", "integer", "number", "boolean" -> true;
            default -> false;
        };
    }

    private static JsonNode value(String field, String type, String text, Function<String, ? extends RuntimeException> usage) {
        String t = text.strip();
        switch (type) {
            case "integer" -> {
                try {
                    return NODES.numberNode(new BigInteger(t));
                } catch (NumberFormatException e) {
                    throw usage.apply("--set " + field + "=" + text + ": " + field + " is an integer");
                }
            }
            case "number" -> {
                try {
                    return NODES.numberNode(new BigDecimal(t));
                } catch (NumberFormatException e) {
                    throw usage.apply("--set " + field + "=" + text + ": " + field + " is a number");
                }
            }
            case "boolean" -> {
                String b = t.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    throw usage.apply("--set " + field + "=" + text + ": " + field + " is true or false");
                }
                return NODES.booleanNode(b.equals("true"));
            }
            default -> {
                return NODES.textNode(text);
            }
        }
    }

    private static String twice(String field, Map<String, String> setBy, Map<String, String> dedicated, String option) {
        String first = setBy.containsKey(field) ? setBy.get(field) : dedicated.getOrDefault(field, "another option");
        return "field " + field + " is set twice: by " + first + " and by " + option + "; give it once";
    }

    private static String article(String type) {
        return "aeiou".indexOf(type.charAt(0)) >= 0 ? "an" : "a";
    }
}
