package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vidgen.cli.CliHarness.Result;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import dev.vidgen.fake.server.SampleVideo;
import dev.vidgen.testkit.junit.FakeVideoApiExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands that talk to the API, against one embedded fake API on loopback that knows the test's key. */
class TaskCommandsTest {

    private static final Pattern TASK_ID = Pattern.compile("task-unified-\\d+-[a-z0-9]{8}");
    private static final Pattern PROGRESS = Pattern.compile("progress: (\\w+) (\\d+)%.*");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final FakeVideoApiExtension fake = CliHarness.sharedFake(Duration.ofMillis(600));

    @TempDir
    Path dir;

    private CliHarness cli() {
        return CliHarness.against(fake.api());
    }

    private Path validVeo() throws IOException {
        return Files.writeString(dir.resolve("veo.json"), OfflineCommandsTest.VALID_VEO);
    }

    private String submitted() throws IOException {
        Result r = cli().run("submit", validVeo().toString());
        assertThat(r.code()).as(r.toString()).isZero();
        return r.outLines().get(0);
    }

    // ---- submit ----

    @Test
    void submitPrintsTheTaskIdAndSendsTheBodyOnce() throws Exception {
        Result r = cli().run("submit", validVeo().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.outLines()).singleElement().asString().matches(TASK_ID);
        assertThat(fake.api().createdTaskIds()).extracting(Object::toString).containsExactly(r.outLines().get(0));
        assertThat(fake.api().requests(Route.SUBMIT)).singleElement().satisfies(req -> {
            assertThat(JSON.readTree(req.body())).isEqualTo(JSON.readTree(OfflineCommandsTest.VALID_VEO));
            assertThat(req.authorized()).isTrue();
        });
        assertThat(r.err()).doesNotContain("embedded fake");
    }

    @Test
    void submitFromStandardInputWithJsonPrintsTheTaskAsJson() throws Exception {
        Result r = cli().stdin(OfflineCommandsTest.VALID_VEO).run("submit", "-", "--json");

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode task = JSON.readTree(r.out());
        assertThat(task.get("id").asText()).matches(TASK_ID);
        assertThat(task.get("status").asText()).isEqualTo("pending");
        assertThat(task.get("model").asText()).isEqualTo("veo-3.1-fast-reference-to-video");
        assertThat(task.get("results").isNull()).isTrue();
    }

    @Test
    void submitOfAnInvalidBodyExits2AndSendsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), OfflineCommandsTest.INVALID_VEO);

        Result r = cli().run("submit", file.toString(), "--wait");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(r.err()).contains("[veo.reference-images.count] reference_image_urls:", "[veo.safety-tolerance.range] safety_tolerance:",
                "nothing was sent");
        assertThat(fake.api().submitCount()).isZero();
    }

    @Test
    void submitWaitShowsOneProgressLinePerChangeThenTheResultUrl() throws Exception {
        Result r = cli().run("submit", validVeo().toString(), "--wait");

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> out = r.outLines();
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).matches(TASK_ID);
        assertThat(out.get(1)).startsWith(fake.api().baseUrl() + "/files/" + out.get(0) + "/");
        List<String[]> progress = new ArrayList<>();
        for (String line : r.errLines()) {
            Matcher m = PROGRESS.matcher(line);
            if (m.matches()) {
                progress.add(new String[] {m.group(1), m.group(2)});
            }
        }
        assertThat(progress).as(r.err()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(progress.get(progress.size() - 1)).containsExactly("completed", "100");
        for (int i = 1; i < progress.size(); i++) {
            // one line per change: never the same status and percent twice in a row, never going back
            assertThat(progress.get(i)).isNotEqualTo(progress.get(i - 1));
            assertThat(Integer.parseInt(progress.get(i)[1])).isGreaterThanOrEqualTo(Integer.parseInt(progress.get(i - 1)[1]));
        }
        assertThat(r.err()).doesNotContain("\r");
    }

    @Test
    void submitWithOutputWaitsAndDownloadsTheVideo() throws Exception {
        Path video = dir.resolve("out.mp4");

        Result r = cli().run("submit", validVeo().toString(), "--output", video.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(video).hasBinaryContent(SampleVideo.bytes());
        assertThat(r.err()).contains("saved " + video);
    }

    @Test
    void submitWithOutputIntoAMissingDirectoryIsAUsageErrorBeforeAnythingIsSent() throws Exception {
        Result r = cli().run("submit", validVeo().toString(), "--output", dir.resolve("no/such/dir/v.mp4").toString());

        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("does not exist");
        assertThat(fake.api().submitCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void bothTransportsWork(String transport) throws Exception {
        Result r = cli().run("--transport", transport, "submit", validVeo().toString(), "--wait");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(fake.api().createdTaskIds()).hasSize(1);
    }

    // ---- generate ----

    @Test
    void generateSendsExactlyTheVeoFieldsGiven() throws Exception {
        Result r = cli().run("generate", "--model", "veo-3.1-reference-to-video", "--prompt", "a fox",
                "--ref", "https://example.com/a.png", "--ref", "https://example.com:8443/b.png", "--audio",
                "--safety-tolerance", "2", "--reference-type", "STYLE", "--auto-fix=false");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.outLines()).singleElement().asString().matches(TASK_ID);
        JsonNode body = JSON.readTree(fake.api().requests(Route.SUBMIT).get(0).body());
        assertThat(body).isEqualTo(JSON.readTree("""
                {"model":"veo-3.1-reference-to-video","prompt":"a fox",
                 "reference_image_urls":["https://example.com/a.png","https://example.com:8443/b.png"],
                 "generate_audio":true,"safety_tolerance":2,"reference_type":"STYLE","auto_fix":false}"""));
    }

    @Test
    void generateSendsExactlyTheKlingFieldsGivenSplittingSuffixesFromTheRight() throws Exception {
        Result r = cli().run("generate", "--model", "kling-o3-ref", "--prompt", "<<<image_1>>> meets <<<image_2>>>",
                "--image", "https://example.com/first.png:first_frame", "--image", "https://cdn.example.com:9000/ref.png",
                "--video", "https://example.com:8443/clip.mp4:feature", "--keep-sound", "no",
                "--duration", "5", "--shot", "2:the fox: looks up", "--shot", "3:it runs", "--mode", "pro");

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode body = JSON.readTree(fake.api().requests(Route.SUBMIT).get(0).body());
        assertThat(body).isEqualTo(JSON.readTree("""
                {"model":"kling-o3-ref","prompt":"<<<image_1>>> meets <<<image_2>>>","mode":"pro",
                 "image_list":[{"image_url":"https://example.com/first.png","type":"first_frame"},
                               {"image_url":"https://cdn.example.com:9000/ref.png"}],
                 "video_list":[{"video_url":"https://example.com:8443/clip.mp4","refer_type":"feature","keep_original_sound":"no"}],
                 "duration":5,
                 "multi_prompt":[{"prompt":"the fox: looks up","duration":2},{"prompt":"it runs","duration":3}]}"""));
    }

    @Test
    void generateWithAnOptionTheModelDoesNotHaveExits2NamingTheOption() {
        Result r = cli().run("generate", "--model", "kling-o3-ref", "--prompt", "x", "--ref", "https://example.com/a.png");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(r.err()).contains("[json.unknown-field]", "reference_image_urls", "(option --ref)");
        assertThat(fake.api().submitCount()).isZero();
    }

    @Test
    void generateReportsEveryRuleBrokenByTheOptions() {
        Result r = cli().run("generate", "--model", "veo-3.1-fast-reference-to-video", "--prompt", "x",
                "--ref", "https://example.com/a.png", "--enhance-prompt", "--duration", "5");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(r.err()).contains("[veo.variant.enhance-prompt] enhance_prompt:", "(option --enhance-prompt)",
                "[veo.duration.fixed] duration:", "(option --duration)");
        assertThat(fake.api().submitCount()).isZero();
    }

    @Test
    void generateWithAnUnknownImageTypeNamesTheAllowedOnes() {
        Result r = cli().run("generate", "--model", "kling-o3-ref", "--prompt", "x", "--image", "https://example.com/a.png:middle");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(r.err()).contains("[kling.image.type]", "first_frame", "end_frame", "middle");
    }

    @Test
    void generateUsageErrors() {
        assertThat(cli().run("generate", "--prompt", "x").code()).isEqualTo(ExitCode.USAGE);
        Result noVideo = cli().run("generate", "--model", "kling-o3-ref", "--prompt", "x", "--keep-sound", "yes");
        assertThat(noVideo.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noVideo.err()).contains("--keep-sound needs --video");
        Result badShot = cli().run("generate", "--model", "kling-o3-ref", "--prompt", "x", "--shot", "three:x");
        assertThat(badShot.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badShot.err()).contains("SECONDS:PROMPT");
        assertThat(cli().run("generate", "--model", "kling-o3-ref", "--prompt", "x", "--duration", "five").code())
                .isEqualTo(ExitCode.USAGE);
        assertThat(fake.api().submitCount()).isZero();
    }

    @Test
    void generateWaitWithJsonPrintsTheFinalTaskAsJson() throws Exception {
        Result r = cli().run("generate", "--model", "kling-o3-ref", "--prompt", "a fox", "--wait", "--json");

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode task = JSON.readTree(r.out());
        assertThat(task.get("status").asText()).isEqualTo("completed");
        assertThat(task.get("progress").asInt()).isEqualTo(100);
        assertThat(task.get("results").get(0).get("url").asText()).startsWith(fake.api().baseUrl().toString());
        assertThat(task.get("usage").get("credits_reserved").asInt()).isEqualTo(5);
    }

    // ---- status ----

    @Test
    void statusShowsTheTaskAsTextAndAsJson() throws Exception {
        String id = submitted();

        Result text = cli().run("status", id);
        assertThat(text.code()).as(text.toString()).isZero();
        assertThat(text.outLines().get(0)).startsWith(id + "  ").contains("veo-3.1-fast-reference-to-video");

        Result json = cli().run("status", id, "--json");
        assertThat(json.code()).isZero();
        assertThat(JSON.readTree(json.out()).get("id").asText()).isEqualTo(id);
        assertThat(fake.api().requests(Route.QUERY)).isNotEmpty().allSatisfy(q -> assertThat(q.authorized()).isTrue());
    }

    @Test
    void statusOfAFailedTaskShowsItsErrorCodeAndExits0() throws Exception {
        fake.api().lifecycleForNextSubmit(Lifecycle.failedAtFirstPoll("content_policy"));
        String id = submitted();

        Result r = cli().run("status", id);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("failed").contains("error: content_policy");
    }

    @Test
    void statusOfAnUnknownTaskIsAnApiError() {
        Result r = cli().run("status", "task-unified-1757165031-uyujaw3d");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.API_ERROR);
        assertThat(r.err()).contains("no such task").contains("404");
        assertThat(r.errLines()).first().asString().startsWith("error: ");
    }

    // ---- wait ----

    @Test
    void waitPrintsTheResultAndDownloads() throws Exception {
        String id = submitted();
        Path video = dir.resolve("w.mp4");

        Result r = cli().run("wait", id, "--output", video.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.outLines()).singleElement().asString().contains("/files/" + id + "/");
        assertThat(video).hasBinaryContent(SampleVideo.bytes());
    }

    @Test
    void aFailedTaskExits4WithItsErrorCode() throws Exception {
        fake.api().lifecycleForNextSubmit(Lifecycle.builder().processing(20).failed("generation_failed"));
        String id = submitted();

        Result r = cli().run("wait", id);

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.TASK_FAILED);
        assertThat(r.err()).contains("task " + id).contains("error code generation_failed");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFailedTaskWithJsonStillPrintsTheTask() throws Exception {
        fake.api().lifecycleForNextSubmit(Lifecycle.failedAtFirstPoll("generation_failed"));

        Result r = cli().run("submit", validVeo().toString(), "--wait", "--json");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.TASK_FAILED);
        JsonNode task = JSON.readTree(r.out());
        assertThat(task.get("status").asText()).isEqualTo("failed");
        assertThat(task.get("error").get("code").asText()).isEqualTo("generation_failed");
    }

    @Test
    void aWaitThatTimesOutExits5AndPrintsTheTaskIdToResumeWith() throws Exception {
        fake.api().lifecycleForNextSubmit(Lifecycle.builder().processing(30).runsForever());

        // --timeout alone implies --wait
        Result r = cli().run("submit", validVeo().toString(), "--timeout", "400ms");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.TIMEOUT);
        String id = r.outLines().get(0);
        assertThat(id).matches(TASK_ID);
        assertThat(r.err()).contains("vidgen wait " + id);

        Result again = cli().run("wait", id, "--timeout", "300ms");
        assertThat(again.code()).isEqualTo(ExitCode.TIMEOUT);
        assertThat(again.err()).contains("vidgen wait " + id).contains("processing 30%");
    }

    // ---- download ----

    @Test
    void downloadSavesACompletedTasksVideo() throws Exception {
        fake.api().lifecycleForNextSubmit(Lifecycle.completedAtFirstPoll());
        String id = submitted();
        Path video = dir.resolve("d.mp4");

        Result r = cli().run("download", id, "--output", video.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(video).hasBinaryContent(SampleVideo.bytes());
        assertThat(r.out().strip()).isEqualTo(video.toString());
    }

    @Test
    void downloadOfARunningTaskExits5AndOfAFailedOneExits4() throws Exception {
        fake.api().lifecycleForNextSubmit(Lifecycle.builder().processing(40).runsForever());
        String running = submitted();
        Result r = cli().run("download", running, "--output", dir.resolve("r.mp4").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.TIMEOUT);
        assertThat(r.err()).contains("not finished yet").contains("vidgen wait " + running);
        assertThat(dir.resolve("r.mp4")).doesNotExist();

        fake.api().lifecycleForNextSubmit(Lifecycle.failedAtFirstPoll("generation_failed"));
        String failed = submitted();
        Result f = cli().run("download", failed, "--output", dir.resolve("f.mp4").toString());
        assertThat(f.code()).as(f.toString()).isEqualTo(ExitCode.TASK_FAILED);
        assertThat(f.err()).contains("generation_failed");
    }

    @Test
    void downloadNeedsOutput() {
        assertThat(cli().run("download", "task-unified-1757165031-uyujaw3d").code()).isEqualTo(ExitCode.USAGE);
    }

    // ---- API and transport errors ----

    @Test
    void aRefusedKeyIsAnApiErrorThatNeverShowsTheKey() throws Exception {
        Result r = CliHarness.against(fake.api()).env("FOXAPI_API_KEY", "sk-wrong-key-Lp3Vb8").run("submit", validVeo().toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.API_ERROR);
        assertThat(r.err()).contains("refused the key").contains("401").doesNotContain("sk-wrong-key-Lp3Vb8");
    }

    @Test
    void aServerErrorAfterTheTaskWasCreatedSaysATaskMayExist() throws Exception {
        fake.api().faults().next(Route.SUBMIT, Fault.status(500).afterProcessing());

        Result r = cli().run("submit", validVeo().toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.API_ERROR);
        assertThat(r.err()).contains("500").contains("a task may have been created");
        assertThat(r.err().split("may have been created", -1)).as("said once: %s", r.err()).hasSize(2);
        assertThat(fake.api().submitCount()).as("a submit that may have created a task is never retried").isEqualTo(1);
    }

    @Test
    void anUnreachableApiIsATransportErrorAndVerboseAddsTheCauses() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CliHarness cli = new CliHarness().env("FOXAPI_BASE_URL", "http://127.0.0.1:" + closedPort).env("FOXAPI_API_KEY", CliHarness.KEY);

        Result plain = cli.run("status", "task-unified-1757165031-uyujaw3d");
        assertThat(plain.code()).as(plain.toString()).isEqualTo(ExitCode.API_ERROR);
        assertThat(plain.errLines().get(0)).startsWith("error: could not talk to the API");
        assertThat(plain.err()).doesNotContain("caused by");

        Result verbose = cli.run("status", "task-unified-1757165031-uyujaw3d", "--verbose");
        assertThat(verbose.code()).isEqualTo(ExitCode.API_ERROR);
        assertThat(verbose.err()).contains("caused by");
    }

    @Test
    void aKeyEchoedByTheServerIsScrubbedFromTheOutput() {
        // a user pasting the key where the task id goes: the server's 404 message repeats it
        Result r = cli().run("status", CliHarness.KEY);

        assertThat(r.code()).isEqualTo(ExitCode.API_ERROR);
        assertThat(r.err()).contains(Secrets.MASK);
    }

    @Test
    void theKeyGivenAsAnOptionIsUsedAndNeverPrinted() throws Exception {
        CliHarness cli = new CliHarness().env("FOXAPI_BASE_URL", fake.api().baseUrl().toString());

        Result r = cli.run("--api-key", CliHarness.KEY, "submit", validVeo().toString(), "--wait", "--json", "--verbose");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(fake.api().requests(Route.SUBMIT)).singleElement().satisfies(req -> assertThat(req.authorized()).isTrue());
    }
}
