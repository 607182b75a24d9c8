package dev.vidgen.testkit.models;

import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.validation.RequestValidator;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.domain.validation.Violation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * What a model module's tests share: one validator, the client's codec over the installed
 * families (so the module under test is read as a user's client reads it), and test resources.
 */
public final class ModelFixtures {

    /** A Bean Validation validator that needs no expression language. */
    public static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    /** The request validator with every rule on. */
    public static final RequestValidator DEFAULTS = new RequestValidator(VALIDATOR, ValidationPolicy.defaults());

    /** The client's codec over the families installed through {@code META-INF/services}. */
    public static final FoxApiCodec CODEC = new FoxApiCodec(ModelCatalog.loadInstalled());

    private ModelFixtures() {
    }

    /** Every violation of a typed request under the default policy. */
    public static List<Violation> violations(VideoRequest request) {
        return DEFAULTS.validate(request);
    }

    /** Every violation of a JSON body: what binding reports (closed sets, types), else what validation reports. */
    public static List<Violation> violations(String json) {
        try {
            return DEFAULTS.validate(CODEC.decodeRequest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (RequestValidationException e) {
            return e.violations();
        }
    }

    /** A test resource (at the root of {@code anchor}'s class path) as text. */
    public static String resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
