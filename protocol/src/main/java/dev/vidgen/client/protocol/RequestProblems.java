package dev.vidgen.client.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.validation.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Collects every problem of one request body while Jackson binds it, instead of failing on the
 * first: unknown fields are skipped and reported, bad values are reported and bound as
 * {@code null}. One instance per decode (it is stateful).
 */
final class RequestProblems extends DeserializationProblemHandler {

    static final String UNKNOWN_FIELD = "json.unknown-field";
    static final String WRONG_TYPE = "json.type";
    static final String INVALID_VALUE = "json.invalid-value";

    private final ModelCapabilities capabilities;
    private final List<Violation> violations = new ArrayList<>();

    RequestProblems(ModelCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    List<Violation> violations() {
        return violations;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        // A creator-based record (every request is one) buffers unknown fields and replays them from a
        // token buffer once the object is read; that buffer's contexts do not tell where the object was,
        // but the main parser, now just past the object, does.
        JsonParser main = ctxt.getParser();
        FieldPath path = p != main && main != null
                ? FieldPath.of(main.getParsingContext()).child(propertyName)
                : FieldPath.of(p.getParsingContext(), p.currentToken());
        String where = path.parentJson().isEmpty() ? "" : " in " + path.parentJson();
        String known = knownFields(path);
        violations.add(new Violation(UNKNOWN_FIELD, path.javaPathWithRawLeaf(), null,
                "unknown field '" + propertyName + "'" + where + " for model " + capabilities.modelId()
                        + (known.isEmpty() ? "" : "; known fields: " + known)));
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
            String failureMsg) {
        FieldPath path = FieldPath.of(ctxt.getParser().getParsingContext());
        if (targetType.isEnum()) {
            List<String> allowed = ValueEnums.allowedValues(targetType);
            violations.add(new Violation(ruleIdFor(path), path.javaPath(), valueToConvert,
                    "'" + valueToConvert + "' is not allowed for " + path.json() + "; allowed: " + String.join(", ", allowed)));
        } else {
            violations.add(new Violation(WRONG_TYPE, path.javaPath(), valueToConvert,
                    path.json() + " must be " + describe(targetType) + ", got \"" + valueToConvert + "\""));
        }
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
            String failureMsg) {
        FieldPath path = FieldPath.of(ctxt.getParser().getParsingContext());
        violations.add(new Violation(WRONG_TYPE, path.javaPath(), valueToConvert,
                path.json() + " must be " + describe(targetType) + ", got " + valueToConvert));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
            String failureMsg) throws IOException {
        FieldPath path = FieldPath.of(p.getParsingContext(), t);
        Class<?> raw = targetType.getRawClass();
        String expected = raw.isEnum() ? "one of " + String.join(", ", ValueEnums.allowedValues(raw)) : describe(raw);
        String rule = raw.isEnum() ? ruleIdFor(path) : WRONG_TYPE;
        violations.add(new Violation(rule, path.javaPath(), null,
                (path.json().isEmpty() ? "the request" : path.json()) + " must be " + expected + ", got " + tokenName(t)));
        p.skipChildren();
        return null;
    }

    /** The rule governing a field, from the capability table, so that the message points at docs/api.md. */
    private String ruleIdFor(FieldPath path) {
        Optional<FieldSpec> spec = capabilities.field(path.jsonWithoutIndexes())
                .or(() -> capabilities.field(path.jsonWithEmptyIndexes()));
        return spec.filter(s -> !s.ruleIds().isEmpty()).map(s -> s.ruleIds().get(0)).orElse(INVALID_VALUE);
    }

    private String knownFields(FieldPath path) {
        if (path.depth() != 1) {
            return "";
        }
        Collection<String> names = capabilities.fields().stream().map(FieldSpec::name).filter(n -> !n.contains(".") && !n.contains("[")).toList();
        return String.join(", ", names);
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "an object";
    }

    private static String tokenName(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }

    /** A position in the request body, in both JSON names and the request record's Java names. */
    record FieldPath(List<Object> segments) {

        static FieldPath of(JsonStreamContext context) {
            return of(context, null);
        }

        /**
         * The path of the value being read. When a handler sees a START_OBJECT/START_ARRAY token the
         * parser has already entered the new container, so the path is that of its parent's slot.
         */
        static FieldPath of(JsonStreamContext context, JsonToken current) {
            JsonStreamContext c = context;
            if ((current == JsonToken.START_OBJECT || current == JsonToken.START_ARRAY) && c != null
                    && !c.inRoot() && c.getCurrentName() == null && c.getCurrentIndex() <= 0 && c.getParent() != null) {
                c = c.getParent();
            }
            List<Object> segs = new ArrayList<>();
            for (; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject()) {
                    if (c.getCurrentName() != null) {
                        segs.add(0, c.getCurrentName());
                    }
                } else if (c.inArray()) {
                    segs.add(0, Math.max(0, c.getCurrentIndex()));
                }
            }
            return new FieldPath(segs);
        }

        FieldPath child(String name) {
            List<Object> segs = new ArrayList<>(segments);
            segs.add(name);
            return new FieldPath(segs);
        }

        int depth() {
            return (int) segments.stream().filter(s -> s instanceof String).count();
        }

        String json() {
            return render(segments, false, false);
        }

        String parentJson() {
            return segments.isEmpty() ? "" : render(segments.subList(0, segments.size() - 1), false, false);
        }

        String javaPath() {
            return render(segments, true, true);
        }

        /** Java names, but the last name as written (an unknown field has no Java name). */
        String javaPathWithRawLeaf() {
            return render(segments, true, false);
        }

        String jsonWithoutIndexes() {
            return String.join(".", segments.stream().filter(s -> s instanceof String).map(String.class::cast).toList());
        }

        String jsonWithEmptyIndexes() {
            StringBuilder sb = new StringBuilder();
            for (Object s : segments) {
                if (s instanceof Integer) {
                    sb.append("[]");
                } else {
                    sb.append(sb.length() == 0 ? "" : ".").append(s);
                }
            }
            return sb.toString();
        }

        private static String render(List<Object> segs, boolean javaNames, boolean leafJava) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < segs.size(); i++) {
                Object s = segs.get(i);
                if (s instanceof Integer idx) {
                    sb.append('[').append(idx).append(']');
                } else {
                    boolean leaf = i == segs.size() - 1;
                    String name = (String) s;
                    if (javaNames && (!leaf || leafJava)) {
                        name = camel(name);
                    }
                    sb.append(sb.length() == 0 ? "" : ".").append(name);
                }
            }
            return sb.toString();
        }

        static String camel(String snake) {
            StringBuilder sb = new StringBuilder(snake.length());
            boolean upper = false;
            for (char ch : snake.toCharArray()) {
                if (ch == '_') {
                    upper = true;
                } else {
                    sb.append(upper ? Character.toUpperCase(ch) : ch);
                    upper = false;
                }
            }
            return sb.toString();
        }
    }
}
