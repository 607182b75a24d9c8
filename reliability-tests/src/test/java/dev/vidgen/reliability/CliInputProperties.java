package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.cli.CliContext;
import dev.vidgen.cli.ExitCode;
import dev.vidgen.cli.VidgenCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random bytes into {@code vidgen validate -}, in-process: always exit 2 with an error line on
 * standard error, never a stack trace, never another exit code.
 */
class CliInputProperties {

    /** A line of a Java stack trace, or the JVM's own report of an uncaught exception. */
    static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w$.<>]+\\(|Exception in thread|^Caused by: |^\\s+\\.\\.\\. \\d+ more");

    @Property(tries = 250, edgeCases = EdgeCasesMode.MIXIN)
    void randomBytesAreAnInvalidRequestWithAMessage(@ForAll("input") byte[] input, @ForAll boolean verbose) {
        Run run = validate(input, verbose);
        assertThat(run.exit).as("exit code; stderr: %s", run.err).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(run.err).contains("error: ").doesNotContainPattern(STACK_TRACE);
        assertThat(run.out).doesNotContainPattern(STACK_TRACE);
    }

    @Example
    void moreThanAMebibyteOfInputIsAnInvalidRequestWithAMessage() {
        Run run = validate(new byte[(1 << 20) + 1], false);
        assertThat(run.exit).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(run.err).contains("error: ").contains("1 MiB").doesNotContainPattern(STACK_TRACE);
    }

    @Example
    void theStackTraceCheckRecognisesAStackTrace() {
        java.io.StringWriter trace = new java.io.StringWriter();
        new IllegalStateException("x", new RuntimeException("y")).printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).containsPattern(STACK_TRACE);
        assertThat("error: not valid JSON: Unexpected character ('a' (code 97)) at line 1").doesNotContainPattern(STACK_TRACE);
    }

    @Provide
    Arbitrary<byte[]> input() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(3_000)),
                Tuple.of(3, new DecoderProperties().brokenBytes()),
                // whole JSON documents, but without a prompt, which every model requires
                Tuple.of(2, new DecoderProperties().requestBodies().filter(n -> !n.has("prompt"))
                        .map(n -> n.toString().getBytes(StandardCharsets.UTF_8))));
    }

    static Run validate(byte[] input, boolean verbose) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = CliContext.builder().env(Map.of()).in(new ByteArrayInputStream(input)).out(out).err(err).build();
        int exit = verbose ? VidgenCli.execute(context, "--verbose", "validate", "-") : VidgenCli.execute(context, "validate", "-");
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int exit, String out, String err) {
    }
}
