package dev.vidgen.domain.task;

/**
 * Why a task failed, as the server said it, for example code {@code generation_failed}.
 * Any field may be {@code null} when the server left it out.
 */
public record TaskError(String code, String message, String type) {
}
