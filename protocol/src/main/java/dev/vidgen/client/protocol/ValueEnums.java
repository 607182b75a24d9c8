package dev.vidgen.client.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads every enum that has a public {@code String value()} method by that value (the
 * API's spelling, for example {@code 16:9}), so that a user's own family's enums work the same way
 * as the seed families' without any annotation in the domain module.
 */
final class ValueEnums {

    private ValueEnums() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("vidgen-value-enums");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType valueType,
                    BeanDescription beanDesc, JsonSerializer<?> serializer) {
                Method m = valueMethod(valueType.getRawClass());
                return m == null ? serializer : new Serializer(m);
            }
        });
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                Method m = valueMethod(type.getRawClass());
                return m == null ? deserializer : new Deserializer(type.getRawClass(), m);
            }
        });
        return module;
    }

    /** The enum's values as the API spells them, in declaration order. */
    static List<String> allowedValues(Class<?> enumType) {
        return new ArrayList<>(valuesOf(enumType, valueMethod(enumType)).keySet());
    }

    static Method valueMethod(Class<?> enumType) {
        try {
            Method m = enumType.getMethod("value");
            boolean usable = m.getReturnType() == String.class && !Modifier.isStatic(m.getModifiers())
                    && Modifier.isPublic(enumType.getModifiers());
            return usable ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Map<String, Object> valuesOf(Class<?> enumType, Method valueMethod) {
        Map<String, Object> byValue = new LinkedHashMap<>();
        for (Object constant : enumType.getEnumConstants()) {
            byValue.put(valueMethod == null ? ((Enum<?>) constant).name() : invoke(valueMethod, constant), constant);
        }
        return byValue;
    }

    private static String invoke(Method m, Object constant) {
        try {
            return (String) m.invoke(constant);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + m + " of " + constant, e);
        }
    }

    private static final class Serializer extends JsonSerializer<Object> {
        private final Method valueMethod;

        Serializer(Method valueMethod) {
            this.valueMethod = valueMethod;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(invoke(valueMethod, value));
        }
    }

    private static final class Deserializer extends JsonDeserializer<Object> {
        private final Class<?> enumType;
        private final Map<String, Object> byValue;

        Deserializer(Class<?> enumType, Method valueMethod) {
            this.enumType = enumType;
            this.byValue = valuesOf(enumType, valueMethod);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(enumType, p);
            }
            String text = p.getText();
            Object constant = byValue.get(text);
            if (constant != null) {
                return constant;
            }
            return ctxt.handleWeirdStringValue(enumType, text, "not one of %s", byValue.keySet());
        }
    }
}
