package dev.vidgen.cli;

/**
 * A failure the command explains itself: one sentence for the user and the exit code to end with.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage error (exit 1). */
    static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    /** The exit code to end with. */
    int exitCode() {
        return exitCode;
    }
}
