package dev.vidgen.domain.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Validators built the way the client and the testkit build them: Hibernate Validator without EL. */
public final class TestValidation {

    /** Hibernate Validator with {@link ParameterMessageInterpolator} (no EL). */
    public static final Validator NO_EL = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    /** Every rule on. */
    public static final RequestValidator DEFAULTS = new RequestValidator(NO_EL, ValidationPolicy.defaults());

    private TestValidation() {
    }
}
