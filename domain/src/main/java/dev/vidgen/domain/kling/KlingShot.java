package dev.vidgen.domain.kling;

import dev.vidgen.domain.validation.constraints.IntRange;
import dev.vidgen.domain.validation.constraints.MaxLength;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * One segment of Kling's {@code multi_prompt}.
 *
 * @param prompt   the segment's prompt, at most 512 characters
 * @param duration the segment's length in seconds, at least 1
 */
public record KlingShot(
        @NotBlank(message = "[kling.prompt.required] a multi_prompt segment's prompt must not be blank")
        @MaxLength(value = KlingFamily.MAX_SEGMENT_PROMPT_LENGTH,
                message = "[kling.multi-prompt.shape] a multi_prompt segment's prompt must be at most {value} characters")
        String prompt,
        @NotNull(message = "[kling.multi-prompt.sum] a multi_prompt segment needs a duration, so that the durations can add up to the total")
        @IntRange(min = KlingFamily.MIN_SEGMENT_DURATION,
                message = "[kling.multi-prompt.shape] a multi_prompt segment must last at least {min} second")
        Integer duration) {
}
