package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vidgen.cli.CliHarness.Result;
import dev.vidgen.cli.ScriptedServer.Answer;
import dev.vidgen.testkit.conformance.LoopbackHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that sends what foxapi never would: escape sequences and CR/LF in every string the CLI
 * prints, the key echoed in every encoding, credentials in URLs. Nothing reaches the terminal raw,
 * nothing shows the key, no line can be forged.
 */
class HostileServerTest {

    static final String ID = "task-unified-1757165031-uyujaw3d";
    /** Clears the screen, sets the window title, and starts a forged error line. */
    static final String ESCAPES = "\\u001b[2J\\u001b]0;pwned\\u0007\\r\\nerror: forged line\\u202e";

    @TempDir
    Path dir;

    static String task(String status, String extra) {
        return "{\"id\":\"" + ID + "\",\"model\":\"veo-3.1-fast-reference-to-video\",\"status\":\"" + status
                + "\",\"progress\":40,\"created\":1757165031" + extra + "}";
    }

    private static Result against(ScriptedServer server, String... args) {
        return new CliHarness().env("FOXAPI_BASE_URL", server.baseUrl().toString()).env("FOXAPI_API_KEY", CliHarness.KEY).run(args);
    }

    /** Whether a text holds a character a terminal acts on, other than the line feeds that end lines. */
    private static boolean hasRawControl(String text) {
        return text.chars().anyMatch(c -> (c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x202e);
    }

    @Test
    void aStatusFullOfEscapeSequencesIsPrintedEscapedOnOneLine() {
        try (ScriptedServer server = ScriptedServer.start(r -> new Answer(200, task("processing" + ESCAPES, "")))) {
            Result r = against(server, "status", ID);

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(hasRawControl(r.out() + r.err())).as(r.toString()).isFalse();
            assertThat(r.outLines()).singleElement().asString().startsWith(ID + "  processing\\u001b[2J")
                    .contains("\\r\\nerror: forged line\\u202e");
            assertThat(r.errLines()).noneMatch(l -> l.startsWith("error:"));
        }
    }

    @Test
    void aFailedTasksMessageAndErrorCodeCannotForgeALine() {
        String failed = task("failed", ",\"error\":{\"code\":\"bad" + ESCAPES + "\",\"message\":\"oops" + ESCAPES + "\"}");
        try (ScriptedServer server = ScriptedServer.start(r -> new Answer(200, failed))) {
            Result r = against(server, "wait", ID);

            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.TASK_FAILED);
            assertThat(hasRawControl(r.out() + r.err())).as(r.toString()).isFalse();
            assertThat(r.errLines()).filteredOn(l -> l.startsWith("error:")).singleElement().asString()
                    .contains("error code bad\\u001b[2J", "oops\\u001b[2J\\u001b]0;pwned\\u0007");

            Result status = against(server, "status", ID);
            assertThat(hasRawControl(status.out())).as(status.toString()).isFalse();
            assertThat(status.outLines()).filteredOn(l -> l.startsWith("error:")).singleElement();
        }
    }

    @Test
    void resultUrlsWithInvisibleCharactersArePrintedEscapedAndJsonStaysTheSameText() throws Exception {
        String completed = task("completed", ",\"progress\":100,\"results\":[{\"url\":\"https://example.com/\\u202egpm.mp4\"}]");
        try (ScriptedServer server = ScriptedServer.start(r -> new Answer(200, completed))) {
            Result text = against(server, "status", ID);
            assertThat(text.code()).as(text.toString()).isZero();
            assertThat(hasRawControl(text.out())).isFalse();
            assertThat(text.out()).contains("https://example.com/\\u202egpm.mp4");

            Result json = against(server, "status", ID, "--json");
            assertThat(hasRawControl(json.out())).as(json.out()).isFalse();
            JsonNode read = JsonMapper.builder().build().readTree(json.out());
            assertThat(read.get("results").get(0).get("url").asText()).isEqualTo("https://example.com/\u202egpm.mp4");
        }
    }

    @Test
    void aStatusOfACompletedTaskGivesTheResultsExpiryAsAnUpperBound() {
        String completed = task("completed", ",\"progress\":100,\"results\":[{\"url\":\"https://example.com/v.mp4\"}]");
        try (ScriptedServer server = ScriptedServer.start(r -> new Answer(200, completed))) {
            java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            Result r = against(server, "status", ID);

            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("completed at or before (\\S+); results valid until at most (\\S+)").matcher(r.out());
            assertThat(m.find()).as(r.out()).isTrue();
            java.time.Instant completedBy = java.time.Instant.parse(m.group(1));
            assertThat(java.time.Instant.parse(m.group(2))).isEqualTo(completedBy.plus(Duration.ofHours(24)));
            assertThat(completedBy).isBetween(before, java.time.Instant.now());
            assertThat(r.out()).doesNotContain("about");
        }
    }

    @Test
    void theKeyEchoedInAnyEncodingIsMaskedEvenWithVerbose() {
        String key = CliHarness.KEY;
        String bearer = Base64.getEncoder().encodeToString(("Bearer " + key).getBytes(StandardCharsets.UTF_8));
        Function<ScriptedServer.Request, Answer> echo = r -> new Answer(401, "{\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"bad key " + key.replace("-", "\\\\u002d") + "\",\"code\":\"invalid_api_key\"},"
                + "\"seen\":{\"json\":\"" + key.replace("-", "\\u002d") + "\",\"url\":\"" + percentAll(key) + "\","
                + "\"b64\":\"" + bearer + "\",\"raw\":\"" + r.authorization() + "\"}}");
        try (ScriptedServer server = ScriptedServer.start(echo)) {
            // CliHarness checks every form of the key (KeyForms) on every run
            Result r = against(server, "--verbose", "status", ID);

            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.API_ERROR);
            assertThat(r.err()).contains("response body:", Secrets.MASK);
            assertThat(server.requests()).allSatisfy(q -> assertThat(q.authorization()).isEqualTo("Bearer " + key));
        }
    }

    @Test
    void credentialsInAUrlAreMaskedInErrors() throws Exception {
        int closed = LoopbackHttpServer.closedPort();
        String completed = task("completed", ",\"progress\":100,\"results\":[{\"url\":\"http://alice:hunter2pw@127.0.0.1:" + closed
                + "/v.mp4\"}]");
        try (ScriptedServer server = ScriptedServer.start(r -> new Answer(200, completed))) {
            Result r = against(server, "--verbose", "download", ID, "--output", dir.resolve("v.mp4").toString());

            assertThat(r.code()).as(r.toString()).isNotZero();
            assertThat(r.err()).doesNotContain("hunter2pw").doesNotContain("alice:");
        }
        Result baseUrl = new CliHarness().env("FOXAPI_API_KEY", CliHarness.KEY)
                .env("FOXAPI_BASE_URL", "http://bob:s3cr3tpw@127.0.0.1:" + closed).run("--verbose", "status", ID);
        assertThat(baseUrl.code()).as(baseUrl.toString()).isNotZero();
        assertThat(baseUrl.err()).doesNotContain("s3cr3tpw");
    }

    @Test
    void theTimeoutBoundsASubmitThatGetsNoAnswer() throws Exception {
        Path body = Files.writeString(dir.resolve("veo.json"), OfflineCommandsTest.VALID_VEO);
        try (LoopbackHttpServer silent = LoopbackHttpServer.start()) {
            // every path under /stall is read and never answered
            CliHarness cli = new CliHarness().env("FOXAPI_API_KEY", CliHarness.KEY).env("FOXAPI_BASE_URL", silent.uri("/stall").toString());

            Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli.run("submit", body.toString(), "--timeout", "1s"));

            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.API_ERROR);
            assertThat(r.err()).contains("within 1s (--timeout)");
            assertThat(r.err().split("may have been created", -1)).as("said once: %s", r.err()).hasSize(2);

            Result status = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli.run("status", ID, "--timeout", "1s"));
            assertThat(status.code()).as(status.toString()).isEqualTo(ExitCode.API_ERROR);
            assertThat(status.err()).contains("1s");
        }
    }

    private static String percentAll(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(String.format("%%%02X", (int) c));
        }
        return sb.toString();
    }
}
