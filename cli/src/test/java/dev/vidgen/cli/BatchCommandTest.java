package dev.vidgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vidgen batch} and {@code vidgen jobs}: the contract of exit codes, files and resumption. */
class BatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private FakeVideoApi api;

    @BeforeEach
    void start() {
        api = FakeVideoApi.builder().apiKeys(CliHarness.KEY).taskDuration(Duration.ofMillis(300)).start()
                .lifecycleWhen(r -> r.prompt() != null && r.prompt().contains("fail"), Lifecycle.failedAtFirstPoll("generation_failed"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Path file(String... lines) throws Exception {
        Path f = dir.resolve("batch-" + System.nanoTime() + ".jsonl");
        Files.write(f, List.of(lines));
        return f;
    }

    private CliHarness.Result batch(Path file, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "batch";
        args[1] = file.toString();
        args[2] = "--out=" + dir.resolve("out");
        System.arraycopy(more, 0, args, 3, more.length);
        return CliHarness.against(api).run(args);
    }

    private static String body(String prompt) {
        return "{\"model\":\"kling-o3-ref\",\"prompt\":\"" + prompt + "\"}";
    }

    @Test
    void aBatchStoresEveryResultAndARerunSubmitsNothing() throws Exception {
        Path f = file(body("a fox"), "", "{\"key\":\"intro\",\"request\":" + body("a wolf") + "}", body("a fox"));
        CliHarness.Result r = batch(f);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(api.createdTaskIds()).hasSize(3); // the two identical bodies are two jobs (occurrence 1 and 2)
        assertThat(dir.resolve("out/intro.mp4")).exists();
        List<String> results = Files.readAllLines(dir.resolve("out/results.jsonl"));
        assertThat(results).hasSize(3);
        for (String line : results) {
            JsonNode j = JSON.readTree(line);
            assertThat(j.get("state").asText()).isEqualTo("stored");
            assertThat(j.get("task_id").asText()).startsWith("task-");
            assertThat(Path.of(j.get("files").get(0).asText())).exists();
            assertThat(j.get("bytes").asLong()).isEqualTo(Files.size(Path.of(j.get("files").get(0).asText())));
            assertThat(j.get("sha256").get(0).asText()).hasSize(64);
        }
        assertThat(r.out().lines()).hasSize(3).anyMatch(l -> l.startsWith("intro stored "));
        assertThat(r.err()).contains("batch: 3/3 stored, 0 running, 0 failed, 0 in doubt");

        Path reordered = file(body("a fox"), body("a fox"), "{\"key\":\"intro\",\"request\":" + body("a wolf") + "}");
        CliHarness.Result again = batch(reordered);
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(api.submitCount()).isEqualTo(3);
    }

    @Test
    void anInvalidLineStopsTheBatchBeforeAnySubmit() throws Exception {
        Path f = file(body("a fox"), "{\"model\":\"kling-o3-ref\",\"prompt\":\"x\",\"duration\":20}", "not json");
        CliHarness.Result r = batch(f);

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(r.err()).contains("line 2: [kling.duration.range]").contains("line 3: [batch.line]").contains("nothing was submitted");
        assertThat(api.submitCount()).isZero();
    }

    @Test
    void aFailedTaskExitsWith4() throws Exception {
        CliHarness.Result r = batch(file(body("a fox"), body("this will fail")));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.TASK_FAILED);
        assertThat(r.out()).containsPattern("(?m)^b-[0-9a-f]{20}-1 failed ");
        assertThat(Files.readString(dir.resolve("out/results.jsonl"))).contains("\"error_code\":\"generation_failed\"");
    }

    @Test
    void aJobInDoubtExitsWith6IsNotResubmittedAndJobsResubmitQueuesIt() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.reset());
        Path f = file("{\"key\":\"doubt\",\"request\":" + body("a fox") + "}");
        CliHarness.Result first = batch(f);
        assertThat(first.code()).as(first.toString()).isEqualTo(ExitCode.IN_DOUBT);
        int submits = api.submitCount();

        CliHarness.Result second = batch(f);
        assertThat(second.code()).isEqualTo(ExitCode.IN_DOUBT);
        assertThat(second.err()).contains("in doubt: doubt").contains("not resubmitted");
        assertThat(api.submitCount()).isEqualTo(submits);

        String out = "--out=" + dir.resolve("out");
        CliHarness.Result list = CliHarness.against(api).run("jobs", "list", out, "--state", "in-doubt");
        assertThat(list.out()).startsWith("doubt in-doubt");
        assertThat(CliHarness.against(api).run("jobs", "resubmit", "doubt", out).code()).isZero();
        CliHarness.Result third = batch(f);
        assertThat(third.code()).as(third.toString()).isZero();
        assertThat(CliHarness.against(api).run("jobs", "show", "doubt", out, "--json").out()).contains("\"state\":\"stored\"");
    }

    @Test
    void aTimeoutExitsWith5AndTheNextRunResumesTheSameTask() throws Exception {
        api.lifecycleForNextSubmit(Lifecycle.builder().pending().processing(30).completedAfter(Duration.ofSeconds(4)));
        Path f = file(body("a slow fox"));
        CliHarness.Result first = batch(f, "--timeout=1s");
        assertThat(first.code()).as(first.toString()).isEqualTo(ExitCode.TIMEOUT);
        assertThat(first.err()).contains("run the same command again");

        CliHarness.Result second = batch(f);
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(api.createdTaskIds()).hasSize(1);
    }

    @Test
    void aRefusedKeyStopsTheBatchWith3() throws Exception {
        CliHarness.Result r = CliHarness.against(api).env("FOXAPI_API_KEY", "sk-wrong-key-123456").run(
                "batch", file(body("a fox")).toString(), "--out=" + dir.resolve("out"));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.API_ERROR);
        assertThat(api.createdTaskIds()).isEmpty();
    }

    @Test
    void onlyAQueuedJobCanBeCancelled() throws Exception {
        String out = "--out=" + dir.resolve("out");
        CliHarness.Result r = batch(file("{\"key\":\"k1\",\"request\":" + body("a fox") + "}"));
        assertThat(r.code()).isZero();
        CliHarness.Result cancel = CliHarness.against(api).run("jobs", "cancel", "k1", out);
        assertThat(cancel.code()).isEqualTo(ExitCode.USAGE);
        assertThat(cancel.err()).contains("only queued jobs can be cancelled");
        assertThat(CliHarness.against(api).run("jobs", "list", out, "--state", "nonsense").code()).isEqualTo(ExitCode.USAGE);
    }
}
