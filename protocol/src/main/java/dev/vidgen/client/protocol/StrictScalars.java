package dev.vidgen.client.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Scalars of a request body are read without coercion ({@code "5"} is not an integer, {@code 5} is
 * not a string), and every mismatch goes through the problem handler, so that one decode reports
 * all of them with their field paths instead of failing on the first.
 */
final class StrictScalars {

    private StrictScalars() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("vidgen-strict-scalars");
        m.addDeserializer(String.class, new Strict<>(String.class) {
            @Override
            String read(JsonParser p, DeserializationContext ctxt) throws IOException {
                return p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : unexpected(p, ctxt);
            }
        });
        m.addDeserializer(Integer.class, new Strict<>(Integer.class) {
            @Override
            Integer read(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                    return unexpected(p, ctxt);
                }
                if (p.getNumberType() != JsonParser.NumberType.INT) {
                    return (Integer) ctxt.handleWeirdNumberValue(Integer.class, p.getNumberValue(), "out of range");
                }
                return p.getIntValue();
            }
        });
        m.addDeserializer(Long.class, new Strict<>(Long.class) {
            @Override
            Long read(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                    return unexpected(p, ctxt);
                }
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return (Long) ctxt.handleWeirdNumberValue(Long.class, p.getNumberValue(), "out of range");
                }
                return p.getLongValue();
            }
        });
        m.addDeserializer(Boolean.class, new Strict<>(Boolean.class) {
            @Override
            Boolean read(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonToken t = p.currentToken();
                return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : unexpected(p, ctxt);
            }
        });
        return m;
    }

    private abstract static class Strict<T> extends JsonDeserializer<T> {
        private final Class<T> type;

        Strict(Class<T> type) {
            this.type = type;
        }

        abstract T read(JsonParser p, DeserializationContext ctxt) throws IOException;

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read(p, ctxt);
        }

        T unexpected(JsonParser p, DeserializationContext ctxt) throws IOException {
            return type.cast(ctxt.handleUnexpectedToken(type, p));
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
