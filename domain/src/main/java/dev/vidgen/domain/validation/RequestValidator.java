package dev.vidgen.domain.validation;

import dev.vidgen.domain.VideoRequest;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Objects;

/**
 * Validates a request with Bean Validation (its field constraints and its family's class-level
 * capability rules) and returns every violation of a rule the policy keeps on. Thread-safe when
 * the {@link Validator} is (Hibernate Validator's is).
 *
 * <pre>{@code
 * Validator v = Validation.byDefaultProvider().configure()
 *         .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
 * List<Violation> problems = new RequestValidator(v, ValidationPolicy.defaults()).validate(request);
 * }</pre>
 */
public final class RequestValidator {

    private final Validator validator;
    private final ValidationPolicy policy;

    /** A validator using this Bean Validation validator and this policy. */
    public RequestValidator(Validator validator, ValidationPolicy policy) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy in force. */
    public ValidationPolicy policy() {
        return policy;
    }

    /**
     * Every violation of the request, sorted by path then rule id; empty when it is valid.
     * A {@code null} request yields one violation of {@value RuleIds#REQUEST_REQUIRED}.
     */
    public List<Violation> validate(VideoRequest request) {
        if (request == null) {
            return List.of(new Violation(RuleIds.REQUEST_REQUIRED, "", null,
                    "the request must not be null; build one, for example with VeoReferenceRequest.builder(...)"));
        }
        return policy.filter(Violations.from(validator.validate(request)));
    }
}
