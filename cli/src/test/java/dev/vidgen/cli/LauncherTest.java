package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * bin/vidgen and the archive's training run in cli/pom.xml must agree: a class-data sharing archive
 * made with one collector or compiler setting is silently ignored by a JVM started with another,
 * and the launcher must look for the file the build writes.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "bin", "vidgen");
    private static final Path POM = Path.of("pom.xml");
    private static final Pattern XX_FLAG = Pattern.compile("-XX:[+-]?(?!SharedArchiveFile|ArchiveClassesAtExit)[A-Za-z]+(=[^\\s\"<)]+)?");

    @Test
    void theLauncherStartsTheJvmWithTheFlagsTheArchiveWasMadeWith() throws Exception {
        String launcher = Files.readString(LAUNCHER);
        String pom = Files.readString(POM);

        List<String> launcherFlags = flags(launcher);
        List<String> pomFlags = flags(pom);

        assertThat(launcherFlags).isNotEmpty().containsExactlyInAnyOrderElementsOf(pomFlags);
    }

    @Test
    void theLauncherLooksForTheArchiveTheBuildWritesAndRunsTheShadedJar() throws Exception {
        String launcher = Files.readString(LAUNCHER);
        String pom = Files.readString(POM);

        assertThat(pom).contains("-XX:ArchiveClassesAtExit=${project.build.directory}/vidgen.jsa")
                .contains("<outputFile>${project.build.directory}/vidgen.jar</outputFile>")
                .contains("<argument>" + CdsTraining.class.getName() + "</argument>");
        assertThat(launcher).contains("cli/target/vidgen.jar").contains("${jar%.jar}.jsa").contains("-XX:SharedArchiveFile=")
                .contains("-Xshare:auto");
        assertThat(Files.isExecutable(LAUNCHER)).as("bin/vidgen is executable").isTrue();
    }

    private static List<String> flags(String text) {
        Matcher m = XX_FLAG.matcher(text);
        java.util.Set<String> found = new java.util.TreeSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return List.copyOf(found);
    }
}
