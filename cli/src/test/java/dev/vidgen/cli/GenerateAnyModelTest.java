package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vidgen.cli.CliHarness.Result;
import dev.vidgen.fake.server.Route;
import dev.vidgen.testkit.junit.FakeVideoApiExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code generate} for a model it has no options for: {@code orbit-1}, a family registered only
 * in these tests' resources (as a user's own model module would be), set through
 * {@code --set FIELD=VALUE} typed by its capability table and {@code --set-json FIELD=JSON}.
 */
class GenerateAnyModelTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final FakeVideoApiExtension fake = CliHarness.sharedFake(Duration.ofMillis(300));

    private static Result run(String... args) {
        return CliHarness.against(fake.api()).run(args);
    }

    @Test
    void setTypesEachValueByTheModelsCapabilityTableAndSendsExactlyThoseFields() throws Exception {
        Result r = run("generate", "--model", "orbit-1", "--prompt", "a moon", "--set", "frames=12", "--set", "palette=red",
                "--set", "palette=deep blue", "--set", "loop=true", "--set", "speed=1.5",
                "--set-json", "layers=[{\"name\":\"sky\",\"depth\":2}]", "--wait");

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode body = JSON.readTree(fake.api().requests(Route.SUBMIT).get(0).body());
        assertThat(body).isEqualTo(JSON.readTree("""
                {"model":"orbit-1","prompt":"a moon","frames":12,"palette":["red","deep blue"],"loop":true,"speed":1.5,
                 "layers":[{"name":"sky","depth":2}]}"""));
        assertThat(r.outLines()).hasSize(2);
    }

    @Test
    void todaysOptionsAndSetWorkTogetherForTheSeedModels() throws Exception {
        Result r = run("generate", "--model", "kling-o3-ref", "--prompt", "a fox", "--mode", "pro", "--set", "duration=5");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(JSON.readTree(fake.api().requests(Route.SUBMIT).get(0).body()))
                .isEqualTo(JSON.readTree("{\"model\":\"kling-o3-ref\",\"prompt\":\"a fox\",\"mode\":\"pro\",\"duration\":5}"));
    }

    @Test
    void aRuleBrokenThroughSetNamesTheRuleAndTheOption() {
        Result r = run("generate", "--model", "orbit-1", "--prompt", "a moon", "--set", "frames=99");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(r.err()).contains("[orbit.frames.range] frames:", "(option --set frames=...)");
        assertThat(fake.api().submitCount()).isZero();
    }

    @Test
    void aFieldTheModelDoesNotHaveIsRefusedNamingTheOptionAndTheModelsFields() {
        Result r = run("generate", "--model", "orbit-1", "--prompt", "a moon", "--set", "colour=red");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(r.err()).contains("[json.unknown-field]", "no field colour", "(option --set colour=...)",
                "--set frames=...", "--set palette=...");
        assertThat(fake.api().submitCount()).isZero();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--set      | frames=many | frames is an integer",
        "--set      | loop=yes    | loop is true or false",
        "--set      | layers=sky  | layers of orbit-1 is an object[]; --set-json layers=JSON",
        "--set-json | layers=[{   | not valid JSON",
        "--set      | frames      | --set expects FIELD=VALUE"})
    void aValueOfTheWrongTypeOrAnObjectFieldWithoutJsonIsAUsageErrorSayingWhatTheFieldTakes(String option, String value,
            String expected) {
        Result r = run("generate", "--model", "orbit-1", "--prompt", "a moon", option, value);
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(expected.split("; "));
        assertThat(fake.api().submitCount()).isZero();
    }

    @Test
    void aFieldSetTwiceIsAUsageErrorNamingBothOptions() {
        Result r = run("generate", "--model", "kling-o3-ref", "--prompt", "a fox", "--duration", "5", "--set", "duration=6");

        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("duration is set twice", "--duration", "--set duration=...");
        assertThat(fake.api().submitCount()).isZero();
    }

    @Test
    void thePromptMayComeFromSetAndAMissingOneIsTheModelsRule() throws Exception {
        Result viaSet = run("generate", "--model", "orbit-1", "--set", "prompt=a moon");
        assertThat(viaSet.code()).as(viaSet.toString()).isZero();
        assertThat(JSON.readTree(fake.api().requests(Route.SUBMIT).get(0).body()).get("prompt").asText()).isEqualTo("a moon");

        Result missing = run("generate", "--model", "orbit-1");
        assertThat(missing.code()).as(missing.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(missing.err()).contains("[orbit.prompt.required]");
    }

    @Test
    void modelsListsTheUsersOwnModelToo() {
        Result r = run("models");

        assertThat(r.out()).contains("orbit-1  (orbit): a made-up model of the CLI's tests");
        assertThat(r.outLines()).anySatisfy(l -> assertThat(l).contains("frames").contains("1..48").contains("orbit.frames.range"));
    }
}
