package dev.vidgen.models.klingr2v;

import jakarta.validation.constraints.NotNull;

/**
 * One segment of a Kling O3 reference-to-video {@code multi_prompt}.
 *
 * @param prompt   the segment's prompt; may name {@code @ImageN} and {@code @ElementN} like the main prompt
 * @param duration the segment's length in seconds; the segments add up to the request's duration
 */
public record KlingPromptSegment(
        String prompt,
        @NotNull(message = "[kling-r2v.multi-prompt.sum] a multi_prompt segment needs a duration, so that the durations can add up to the total")
        Integer duration) {
}
