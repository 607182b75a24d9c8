package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vidgen.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that never touch the network: models, validate, and usage handling. */
class OfflineCommandsTest {

    static final String VALID_VEO = """
            {"model":"veo-3.1-fast-reference-to-video","prompt":"a fox in the snow",
             "reference_image_urls":["https://example.com/a.png"]}""";

    static final String INVALID_VEO = """
            {"model":"veo-3.1-fast-reference-to-video","prompt":"a fox in the snow",
             "reference_image_urls":["https://example.com/1.png","https://example.com/2.png",
                                     "https://example.com/3.png","https://example.com/4.png"],
             "safety_tolerance":9}""";

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    @Test
    void modelsListsEveryModelWithItsFieldsAndLimitsFromTheCapabilityData() {
        Result r = cli.run("models");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("veo-3.1-reference-to-video", "veo-3.1-fast-reference-to-video", "kling-o3-ref");
        assertThat(r.outLines()).anySatisfy(l -> assertThat(l).contains("reference_image_urls").contains("1..3 items")
                .contains("veo.reference-images.count"));
        assertThat(r.outLines()).anySatisfy(l -> assertThat(l).contains("duration").contains("3..15").contains("kling.duration.range"));
        assertThat(r.outLines()).anySatisfy(l -> assertThat(l).contains("resolution").contains("720p | 1080p | 4k"));
        // the fast variant has no enhance_prompt: the table follows the capability data, not one list for both
        String fast = r.out().substring(r.out().indexOf("veo-3.1-fast-reference-to-video"), r.out().indexOf("kling-o3-ref"));
        assertThat(fast).doesNotContain("enhance_prompt  ");
    }

    @Test
    void modelsAsJsonIsTheCapabilityTables() throws Exception {
        Result r = cli.run("models", "--json");

        assertThat(r.code()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.isArray()).isTrue();
        // the installed families: the seeds, and orbit-1 of these tests' resources
        assertThat(StreamSupport.stream(json.spliterator(), false).map(m -> m.get("modelId").asText()))
                .contains("veo-3.1-reference-to-video", "veo-3.1-fast-reference-to-video", "kling-o3-ref", "orbit-1",
                        "kling-o3-reference-to-video", "veo-3.1-image-to-video", "veo-3.1-fast-image-to-video", "veo-3.1-lite-image-to-video");
    }

    @Test
    void modelsHeadingsNameTheFamilyOnlyWhenItIsNotTheModelsOwnName() {
        Result r = cli.run("models");

        assertThat(r.outLines()).filteredOn(l -> l.startsWith("kling-o3-ref:")).singleElement().asString()
                .doesNotContain("(kling-o3-ref)");
        assertThat(r.outLines()).noneMatch(l -> l.matches("(\\S+)  \\(\\1\\).*"));
    }

    @Test
    void validateAcceptsAValidBody() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.json"), VALID_VEO);

        Result r = cli.run("validate", file.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("valid").contains("veo-3.1-fast-reference-to-video");
    }

    @Test
    void validatePrintsOneLinePerViolationWithRuleIdFieldAndMessageAndExits2() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), INVALID_VEO);

        Result r = cli.run("validate", file.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
        // one rule for validate and submit alike: violations are diagnostics, on standard error
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).first().asString().contains("2 violations");
        assertThat(r.errLines()).contains(
                "  [veo.reference-images.count] reference_image_urls: reference_image_urls takes 1 to 3 image URLs; got 4",
                "  [veo.safety-tolerance.range] safety_tolerance: safety_tolerance must be 1 (strictest) to 6 (most permissive); got 9");
    }

    @Test
    void validateReadsStandardInput() {
        Result r = cli.stdin("{\"model\":\"kling-o3-ref\",\"prompt\":\"x\",\"duration\":20}").run("validate", "-");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(r.errLines()).filteredOn(l -> l.startsWith("  [")).singleElement().asString()
                .startsWith("  [kling.duration.range] duration: ");
    }

    @Test
    void validateOfRandomBytesIsAnInvalidRequestWithAMessageNotAStackTrace() throws Exception {
        byte[] noise = new byte[512];
        new Random(42).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.bin"), noise);

        Result r = cli.run("validate", file.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(r.errLines()).filteredOn(l -> l.startsWith("  [")).singleElement().asString()
                .startsWith("  [json.syntax] (request): not valid JSON");
        assertThat(r.err()).contains("error: ").doesNotContain("Exception");
    }

    @Test
    void validateOfAMissingFileIsAUsageError() {
        Result r = cli.run("validate", dir.resolve("nope.json").toString());

        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no such file");
    }

    @Test
    void validateNamesAnUnknownModelAndTheKnownOnes() {
        Result r = cli.stdin("{\"model\":\"sora-9\",\"prompt\":\"x\"}").run("validate", "-");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(r.err()).contains("[json.model] model:").contains("sora-9").contains("kling-o3-ref");
    }

    @Test
    void usageErrorsExit1() {
        assertThat(cli.run().code()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("frobnicate").code()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("validate").code()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("--transport", "curl", "models").code()).isEqualTo(ExitCode.USAGE);
        Result r = cli.run("wait", "task-unified-1-abcdefgh", "--timeout", "soon");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'soon' is not a duration");
        Result huge = cli.run("wait", "task-unified-1-abcdefgh", "--timeout", "99999999999999h");
        assertThat(huge.code()).as(huge.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(huge.err()).contains("is too long: at most 7d").doesNotContain("DateTime");
        assertThat(cli.run("wait", "task-unified-1-abcdefgh", "--timeout", "99999999999999999999d").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void theApiOptionsAreListedByTheCommandsThatCallTheApiOnly() {
        for (String command : new String[] {"fake-server", "demo", "validate", "models"}) {
            Result help = cli.run(command, "--help");
            assertThat(help.code()).isZero();
            assertThat(help.out()).as(command).doesNotContain("--base-url", "--api-key", "--transport");
        }
        for (String command : new String[] {"submit", "generate", "status", "wait", "download"}) {
            assertThat(cli.run(command, "--help").out()).as(command).contains("--base-url", "--api-key", "--transport");
        }
    }

    @Test
    void interactiveCommandsStateTheirTimeoutsInHelp() {
        assertThat(cli.run("status", "--help").out()).contains("--timeout", "default 30s");
        assertThat(cli.run("download", "--help").out()).contains("--timeout", "default 90s");
        assertThat(cli.run("submit", "--help").out()).contains("--timeout", "--force");
    }

    @Test
    void helpAndVersionExit0() {
        Result help = cli.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Exit codes:", "FOXAPI_API_KEY", "generate", "fake-server", "demo");
        Result genHelp = cli.run("generate", "--help");
        assertThat(genHelp.code()).isZero();
        assertThat(genHelp.out()).contains("--shot", "--keep-sound", "--reference-type", "--timeout");
        Result version = cli.run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("vidgen ");
    }
}
