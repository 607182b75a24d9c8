package dev.vidgen.fake.internal;

import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.validation.RequestValidator;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.domain.validation.Violation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Objects;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The domain's rules as the fakes apply them: the client's own codec to read a JSON body and the
 * domain's validator to check a request, so a fake never accepts what the real client would reject.
 * Internal to the testkit: not part of its API.
 */
public final class RequestRules {

    private final FoxApiCodec codec;
    private final RequestValidator validator;

    /** Rules of the families in {@code catalog}, filtered by {@code policy}. */
    public RequestRules(ModelCatalog catalog, ValidationPolicy policy) {
        this.codec = new FoxApiCodec(Objects.requireNonNull(catalog, "catalog"));
        this.validator = new RequestValidator(Factory.INSTANCE.getValidator(), Objects.requireNonNull(policy, "policy"));
    }

    /** Rules of the installed families with every rule on. */
    public static RequestRules installed() {
        return new RequestRules(ModelCatalog.loadInstalled(), ValidationPolicy.defaults());
    }

    /** The codec (shared, thread-safe). */
    public FoxApiCodec codec() {
        return codec;
    }

    /** The catalog. */
    public ModelCatalog catalog() {
        return codec.catalog();
    }

    /** Every violation of the rules in force, empty when the request passes. */
    public List<Violation> validate(VideoRequest request) {
        return validator.validate(request);
    }

    /**
     * A violation path in Java names ({@code imageList[1].type}) as the API's JSON names
     * ({@code image_list[1].type}).
     */
    public static String jsonPath(String javaPath) {
        if (javaPath == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(javaPath.length() + 8);
        for (char ch : javaPath.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** One factory per JVM: building one is slow, and it is thread-safe. Message interpolation without EL. */
    private static final class Factory {
        static final ValidatorFactory INSTANCE = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
    }
}
