package dev.vidgen.cli;

import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.Violation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vidgen validate FILE|-}: checks a request body locally, without network. */
@Command(name = "validate", description = {
    "Check a request body (the API's JSON) against every rule of its model, without network.",
    "Exit 0 when valid; exit 2 when not, with one line per violation on standard error: [rule id] field: message."
})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    VidgenCli root;

    @Parameters(paramLabel = "FILE|-", description = "The request body; - reads standard input")
    String file;

    @Override
    public Integer call() {
        byte[] body = Inputs.read(file, root.context().in());
        PrintWriter out = root.out();
        String name = file.equals("-") ? "standard input" : file;
        try {
            VideoRequest request = LocalRules.read(body);
            out.println("valid: " + name + " is a " + request.modelId() + " request");
            return ExitCode.OK;
        } catch (RequestValidationException e) {
            // violations are diagnostics: on standard error, as submit and generate print them
            PrintWriter err = root.err();
            int n = e.violations().size();
            err.println("error: " + Printable.text(name) + " is invalid (" + n + (n == 1 ? " violation" : " violations") + ")");
            for (Violation v : e.violations()) {
                err.println("  " + Printable.text(Errors.violationLine(v)));
            }
            return ExitCode.INVALID_REQUEST;
        }
    }
}
