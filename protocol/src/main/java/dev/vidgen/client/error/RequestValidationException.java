package dev.vidgen.client.error;

import dev.vidgen.domain.validation.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** The request broke one or more rules; nothing was sent. Lists every violation. */
public class RequestValidationException extends VidgenException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public RequestValidationException(List<Violation> violations) {
        super(describe(violations), null, false);
        this.violations = List.copyOf(violations);
    }

    private static String describe(List<Violation> violations) {
        return "request is invalid (" + violations.size() + (violations.size() == 1 ? " violation" : " violations") + "): "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /** Every violation, in a stable order. */
    public List<Violation> violations() {
        return violations;
    }
}
