package dev.vidgen.buildchecks.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's commands and the versions it tells a consumer to use are the build's own. */
class ReadmeBuildInstructionsTest {

    static final Readme README = Readme.load();

    static String parentPom() throws Exception {
        return Files.readString(Readme.root().resolve("pom.xml"));
    }

    @Test
    void theQuickStartUsesTheWrapperAndCiRunsItsTestCommand() throws Exception {
        String quickStart = README.blocks("## Quick start", "bash").get(0);
        assertThat(quickStart).contains("./mvnw -B -DskipTests package", "./mvnw -B verify").doesNotContainPattern("(^|\\s)mvn ");
        assertThat(Readme.root().resolve("mvnw")).isExecutable();
        String ci = Files.readString(Readme.root().resolve(".ci/run"));
        assertThat(ci.lines().map(String::strip)).as(".ci/run runs README's test command").contains("./mvnw -B verify");
        assertThat(ci).doesNotContain("apt-get").doesNotContainPattern("(^|\\s)mvn ");
    }

    @Test
    void theBomBlockIsCompleteAndNamesThisVersion() {
        String bom = README.blocks("## Using the library", "xml").get(0);
        assertThat(bom).contains("<artifactId>vidgen-bom</artifactId>", "<version>" + System.getProperty("vidgen.version") + "</version>",
                "<type>pom</type>", "<scope>import</scope>", "<artifactId>vidgen-client</artifactId>");
        assertThat(README.blocks("## Using the library", "bash")).contains("./mvnw -B install -DskipTests\n");
    }

    @Test
    void theConsumerSetupNamesTheVersionsThisBuildUses() throws Exception {
        String setup = README.blocks("## Using the library", "xml").get(1);
        String pom = parentPom();
        assertThat(setup).contains(
                plugin(pom, "maven-compiler-plugin"), plugin(pom, "maven-surefire-plugin"),
                "<artifactId>junit-jupiter</artifactId><version>" + property(pom, "junit.version") + "</version>",
                "<maven.compiler.release>17</maven.compiler.release>");
        String guice = README.blocks("### With Guice", "xml").get(0);
        assertThat(guice).contains("<artifactId>guice</artifactId><version>" + property(pom, "guice.version") + "</version>",
                "<artifactId>guava</artifactId><version>" + property(pom, "guava.version") + "</version>");
    }

    /** The plugin's coordinates as README writes them, with the version of the parent's pluginManagement. */
    private static String plugin(String pom, String artifactId) {
        Matcher m = Pattern.compile("<artifactId>" + artifactId + "</artifactId><version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).as(artifactId + " in the parent's pluginManagement").isTrue();
        return "<artifactId>" + artifactId + "</artifactId><version>" + m.group(1) + "</version>";
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as(name + " in the parent pom").isTrue();
        return m.group(1);
    }

}
