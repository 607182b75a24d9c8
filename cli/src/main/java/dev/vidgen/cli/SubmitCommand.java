package dev.vidgen.cli;

import dev.vidgen.domain.VideoRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vidgen submit FILE|-}: submits a request body and prints the task id. */
@Command(name = "submit", description = {
    "Submit a request body (the API's JSON) and print the task id.",
    "The body is validated first: an invalid one is not sent (exit 2)."
})
final class SubmitCommand implements Callable<Integer> {

    @ParentCommand
    VidgenCli root;

    @Parameters(paramLabel = "FILE|-", description = "The request body; - reads standard input")
    String file;

    @Mixin
    WaitOptions waitOptions;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        VideoRequest request = LocalRules.read(Inputs.read(file, root.context().in()));
        return TaskFlow.submit(root, api, request, waitOptions);
    }
}
