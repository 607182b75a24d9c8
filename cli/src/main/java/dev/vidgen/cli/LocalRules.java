package dev.vidgen.cli;

import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.validation.RequestValidator;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.client.internal.AlwaysTraversable;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The request rules as {@code validate} applies them, without a client and without network: the
 * client's codec reads the API's JSON, the domain's validator checks every rule. The same rules
 * the client runs before every submit.
 */
final class LocalRules {

    private static final ModelCatalog CATALOG = ModelCatalog.loadInstalled();

    private LocalRules() {
    }

    /** The installed model families. */
    static ModelCatalog catalog() {
        return CATALOG;
    }

    /**
     * Reads a request body in the API's JSON and checks every rule.
     *
     * @throws RequestValidationException listing every problem, when the body cannot be read or breaks a rule
     */
    static VideoRequest read(byte[] json) {
        VideoRequest request = Codec.CODEC.decodeRequest(json);
        List<Violation> violations = Holder.VALIDATOR.validate(request);
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return request;
    }

    /** The JSON body a request is sent as: exactly the fields that are set. */
    static byte[] encode(VideoRequest request) {
        return Codec.CODEC.encodeRequest(request);
    }

    /** Built on first use: the codec loads Jackson (about 400 classes), and {@code models} never needs it. */
    private static final class Codec {
        static final FoxApiCodec CODEC = new FoxApiCodec(CATALOG);
    }

    /** Built on first use: a validator factory takes a moment, and {@code models} never needs one. */
    private static final class Holder {
        private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class).configure()
                .ignoreXmlConfiguration().traversableResolver(AlwaysTraversable.INSTANCE) // as the client's: faster start
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        static final RequestValidator VALIDATOR = new RequestValidator(FACTORY.getValidator(), ValidationPolicy.defaults());
    }
}
