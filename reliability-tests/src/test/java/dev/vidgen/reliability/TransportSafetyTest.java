package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vidgen.cli.CliContext;
import dev.vidgen.cli.ExitCode;
import dev.vidgen.cli.VidgenCli;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.reliability.support.RecordingServer;
import dev.vidgen.reliability.support.RecordingServer.Answer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the key may travel: plain http only to loopback unless explicitly allowed; downloads only
 * from https or loopback http, without the key; redirects from the API never followed, so the key
 * never reaches the host they point to.
 */
class TransportSafetyTest {

    static final String KEY = "sk-safety-0c5e8a1f7b3d9e24";
    static final String TASK_JSON = "{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"pending\",\"progress\":0}";
    static final byte[] VIDEO = "not really an mp4, but the bytes to compare".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"http://api.foxapi.cc", "HTTP://API.FOXAPI.CC/", "http://example.com:8080/v1", "http://10.0.0.1",
            "http://192.168.1.10:80", "http://127.0.0.1.nip.io", "http://localhost.example.com", "http://0.0.0.0:8080",
            "http://[2001:db8::1]:8080"})
    void plainHttpToAHostThatIsNotLoopbackIsRefusedByDefault(String url) {
        Throwable config = catchThrowable(() -> ClientConfig.builder().baseUrl(url).apiKey(KEY).build());
        assertThat(config).isInstanceOf(IllegalArgumentException.class);
        assertThat(config.getMessage()).doesNotContain(KEY);
        Throwable client = catchThrowable(() -> VideoClient.builder().baseUrl(url).apiKey(KEY).transportName("jdk").build());
        assertThat(client).isInstanceOf(IllegalArgumentException.class);
        // allowed only when asked for; building sends nothing
        assertThatCode(() -> VideoClient.builder().baseUrl(url).apiKey(KEY).transportName("jdk").allowInsecureHttp(true).build().close())
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1@evil.example", "https://user:pass@api.foxapi.cc", "http://sk-x@127.0.0.1:1"})
    void aBaseUrlWithUserInfoIsRefusedEvenWhenHttpIsAllowed(String url) {
        Throwable t = catchThrowable(() -> VideoClient.builder().baseUrl(url).apiKey(KEY).transportName("jdk").allowInsecureHttp(true).build());
        assertThat(t).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.getMessage()).doesNotContain("pass").doesNotContain("sk-x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.foxapi.cc", "http://127.0.0.1:1", "http://127.8.9.10:1", "http://localhost:1", "http://[::1]:1"})
    void httpsAndLoopbackHttpAreAllowed(String url) {
        assertThatCode(() -> VideoClient.builder().baseUrl(url).apiKey(KEY).transportName("jdk").build().close())
                .doesNotThrowAnyException();
    }

    @Test
    void theCliRefusesPlainHttpToARemoteHostAsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = CliContext.builder().env(Map.of("FOXAPI_API_KEY", KEY)).err(err).build();
        int exit = VidgenCli.execute(context, "--base-url", "http://api.foxapi.cc", "status", "task-unified-1757165031-uyujaw3d");
        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("plain http").doesNotContain(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void downloadsRefuseUrlsThatAreNeitherHttpsNorLoopbackHttp(String transport) {
        try (RecordingServer api = RecordingServer.start(r -> Answer.json(200, TASK_JSON));
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(KEY).transportName(transport).build()) {
            for (String url : List.of("http://example.com/v.mp4", "http://10.0.0.1/v.mp4", "http://127.0.0.1.nip.io/v.mp4",
                    "ftp://127.0.0.1/v.mp4", "file:///etc/passwd", "jar:file:///x.jar!/v.mp4")) {
                Path target = dir.resolve(transport + "-refused.mp4");
                Throwable t = catchThrowable(() -> client.download(completed(url), 0, target));
                assertThat(t).as(url).isInstanceOf(VidgenException.class).hasMessageContaining("refusing");
                assertThat(target).doesNotExist();
            }
            assertThat(api.requests()).as("nothing was sent anywhere").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void aRedirectFromTheApiIsNotFollowedSoTheKeyStaysWithTheApi(String transport) {
        try (RecordingServer elsewhere = RecordingServer.start(r -> r.path().startsWith("/files/")
                     ? new Answer(200, Map.of("Content-Type", "video/mp4"), VIDEO) : Answer.json(200, TASK_JSON));
             RecordingServer api = RecordingServer.start(r -> Answer.json(500, "{}"));
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(KEY).transportName(transport).build()) {
            for (int status : List.of(301, 302, 303, 307, 308)) {
                api.handler(r -> Answer.redirect(status, elsewhere.baseUrl() + r.path()));
                Throwable submit = catchThrowable(() -> client.submit(VeoReferenceRequest.builder(VeoModel.FAST).prompt("a fox")
                        .referenceImage("https://example.com/fox.png").build()));
                assertThat(submit).isInstanceOf(ApiException.class);
                assertThat(((ApiException) submit).httpStatus()).isEqualTo(status);
                assertThat(submit.getMessage()).contains("redirect");
                Throwable get = catchThrowable(() -> client.get(TaskId.of("task-unified-1757165031-uyujaw3d")));
                assertThat(get).isInstanceOf(ApiException.class);
                assertThat(((ApiException) get).httpStatus()).isEqualTo(status);
            }
            assertThat(api.requests()).hasSize(10)
                    .allSatisfy(r -> assertThat(r.header("Authorization")).as("the key goes to the API").isEqualTo("Bearer " + KEY));
            assertThat(elsewhere.requests()).as("requests that reached the host a redirect named").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void aDownloadFollowsARedirectToAnotherHostWithoutAnyAuthorization(String transport) throws Exception {
        try (RecordingServer elsewhere = RecordingServer.start(r -> new Answer(200, Map.of("Content-Type", "video/mp4"), VIDEO));
             RecordingServer api = RecordingServer.start(r -> Answer.redirect(302, elsewhere.baseUrl() + "/cdn" + r.path()));
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(KEY).transportName(transport).build()) {
            Path target = dir.resolve(transport + ".mp4");
            client.download(completed(api.baseUrl() + "/files/task-unified-1757165031-uyujaw3d/0.mp4"), 0, target);
            assertThat(Files.readAllBytes(target)).isEqualTo(VIDEO);
            assertThat(elsewhere.requests()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/cdn/files/task-unified-1757165031-uyujaw3d/0.mp4");
                assertThat(r.header("Authorization")).isNull();
            });
            assertThat(api.requests()).singleElement().satisfies(r -> assertThat(r.header("Authorization")).isNull());

            // and a redirect from a result URL to plain http on a remote host is refused before it is followed
            api.handler(r -> Answer.redirect(302, "http://example.com/v.mp4"));
            Throwable t = catchThrowable(() -> client.download(completed(api.baseUrl() + "/files/x/0.mp4"), 0, dir.resolve("no.mp4")));
            assertThat(t).isInstanceOf(VidgenException.class).hasMessageContaining("refusing");
            assertThat(dir.resolve("no.mp4")).doesNotExist();
        }
    }

    static VideoTask completed(String resultUrl) {
        return new VideoTask(TaskId.of("task-unified-1757165031-uyujaw3d"), "veo-3.1-fast-reference-to-video", TaskStatus.COMPLETED, 100,
                null, List.of(new TaskResult(URI.create(resultUrl), Map.of())), null, null, null, Instant.now());
    }
}
