package dev.vidgen.models.klingr2v;

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

/** What the tests share: one validator, the client's codec over the installed families, the page example. */
final class Fixtures {

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    static final RequestValidator DEFAULTS = new RequestValidator(VALIDATOR, ValidationPolicy.defaults());
    static final FoxApiCodec CODEC = new FoxApiCodec(ModelCatalog.loadInstalled());

    private Fixtures() {
    }

    /** Every violation of a typed request under the default policy. */
    static List<Violation> violations(VideoRequest request) {
        return DEFAULTS.validate(request);
    }

    /** Every violation of a JSON body: what binding reports (closed sets, types), else what validation reports. */
    static List<Violation> violations(String json) {
        try {
            return DEFAULTS.validate(CODEC.decodeRequest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (RequestValidationException e) {
            return e.violations();
        }
    }

    /** A test resource as text. */
    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
