package dev.vidgen.domain.archfixture;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Keeps the domain rules (fixture for RulesBiteTest). */
public record PureDomainClass(@NotNull List<String> names) {
}
