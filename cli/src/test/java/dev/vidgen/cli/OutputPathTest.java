package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vidgen.cli.CliHarness.Result;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.SampleVideo;
import dev.vidgen.testkit.junit.FakeVideoApiExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output}: only a new file, or with {@code --force} a regular file, is written; anything
 * else is refused with exit 1 naming what is there, before anything is submitted or downloaded.
 */
class OutputPathTest {

    @RegisterExtension
    static final FakeVideoApiExtension fake = CliHarness.sharedFake(Duration.ofMillis(300));

    @TempDir
    Path dir;

    private Path request() throws IOException {
        return Files.writeString(dir.resolve("veo.json"), OfflineCommandsTest.VALID_VEO);
    }

    private static Result run(String... args) {
        return CliHarness.against(fake.api()).run(args);
    }

    private String completedTask() throws IOException {
        fake.api().lifecycleForNextSubmit(Lifecycle.completedAtFirstPoll());
        Result r = run("submit", request().toString());
        assertThat(r.code()).as(r.toString()).isZero();
        return r.outLines().get(0);
    }

    @Test
    void anExistingFileIsKeptUnlessForceIsGiven() throws Exception {
        Path existing = Files.writeString(dir.resolve("old.mp4"), "my earlier video");

        Result refused = run("submit", request().toString(), "--output", existing.toString());
        assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("already exists", "--force");
        assertThat(existing).hasContent("my earlier video");
        assertThat(fake.api().submitCount()).as("refused before anything was paid for").isZero();

        Result forced = run("submit", request().toString(), "--output", existing.toString(), "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(existing).hasBinaryContent(SampleVideo.bytes());
    }

    @Test
    void downloadAndWaitRefuseAnExistingFileToo() throws Exception {
        String id = completedTask();
        Path existing = Files.writeString(dir.resolve("old.mp4"), "keep me");

        assertThat(run("download", id, "--output", existing.toString()).code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("wait", id, "--output", existing.toString()).code()).isEqualTo(ExitCode.USAGE);
        assertThat(existing).hasContent("keep me");
        assertThat(fake.api().queryCount()).as("refused before the task was even read").isZero();

        Result forced = run("download", id, "--output", existing.toString(), "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(existing).hasBinaryContent(SampleVideo.bytes());
    }

    @Test
    void aSymbolicLinkIsRefusedAndLeftAsItIs() throws Exception {
        Path target = Files.writeString(dir.resolve("target.mp4"), "the link's target");
        Path link = Files.createSymbolicLink(dir.resolve("link.mp4"), target);
        String id = completedTask();

        Result r = run("download", id, "--output", link.toString(), "--force");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("is a symbolic link (to " + target + ")", "not a regular file");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("the link's target");
    }

    @Test
    void aFifoIsRefusedAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe.mp4");
        assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        String id = completedTask();

        Result r = run("download", id, "--output", fifo.toString(), "--force");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("is a FIFO (named pipe), not a regular file");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aDeviceSuchAsDevNullIsRefused() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null device here");

        Result r = run("submit", request().toString(), "--output", devNull.toString(), "--force");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("/dev/null is a character device, not a regular file");
        assertThat(fake.api().submitCount()).isZero();
        assertThat(Files.isRegularFile(devNull)).isFalse();
    }

    @Test
    void aDirectoryAnEmptyNameAndStandardOutputAreRefusedSayingWhy() throws Exception {
        Result directory = run("submit", request().toString(), "--output", dir.toString());
        assertThat(directory.code()).isEqualTo(ExitCode.USAGE);
        assertThat(directory.err()).contains("is a directory; give a file name");

        Result empty = run("submit", request().toString(), "--output", "");
        assertThat(empty.code()).isEqualTo(ExitCode.USAGE);
        assertThat(empty.err()).contains("--output is empty").doesNotContain("directory");

        Result dash = run("submit", request().toString(), "--output", "-");
        assertThat(dash.code()).isEqualTo(ExitCode.USAGE);
        assertThat(dash.err()).contains("standard output", "is not supported");

        Result parentIsAFile = run("submit", request().toString(), "--output", request().resolve("v.mp4").toString());
        assertThat(parentIsAFile.code()).isEqualTo(ExitCode.USAGE);
        assertThat(parentIsAFile.err()).contains("is not a directory");
        assertThat(fake.api().submitCount()).isZero();
    }

    private static boolean mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
