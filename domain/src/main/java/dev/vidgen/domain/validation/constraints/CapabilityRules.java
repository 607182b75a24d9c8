package dev.vidgen.domain.validation.constraints;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.vidgen.domain.catalog.ModelFamily;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The class-level constraint of a request type: runs {@link ModelFamily#checkRules} of the named
 * family (the cross-field and per-model rules) and reports each {@link dev.vidgen.domain.validation.Violation}
 * as a constraint violation on its field path, with the message {@code [rule.id] sentence}.
 * Any Bean Validation provider (vidgen's, or an application's own, e.g. Spring's {@code @Valid})
 * thereby gets the same answers.
 *
 * <pre>{@code
 * @CapabilityRules(MyFamily.class)
 * public record MyRequest(...) implements VideoRequest { ... }
 * }</pre>
 */
@Documented
@Constraint(validatedBy = CapabilityRulesValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface CapabilityRules {

    /** The family whose rules apply; it needs a public no-argument constructor. */
    Class<? extends ModelFamily<?>> value();

    /** Not shown: every rule reports its own message. */
    String message() default "[capability] the request breaks a capability rule of its model";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
