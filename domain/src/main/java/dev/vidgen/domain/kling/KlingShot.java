package dev.vidgen.domain.kling;

/**
 * One segment of Kling's {@code multi_prompt}.
 *
 * @param prompt   the segment's prompt
 * @param duration the segment's length in seconds
 */
public record KlingShot(String prompt, Integer duration) {
}
