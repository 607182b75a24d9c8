package dev.vidgen.domain.task;

import java.util.Map;

/**
 * Billing information of a task.
 *
 * @param creditsReserved credits reserved for the task, or {@code null}
 * @param userGroup       the account's user group, or {@code null}
 * @param extra           any further fields, keyed by their JSON names
 */
public record Usage(Long creditsReserved, String userGroup, Map<String, Object> extra) {

    public Usage {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
