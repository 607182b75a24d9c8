package dev.vidgen.client.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part-file naming, registration and the clean-up of part files a killed JVM left (SIGKILL runs no hook). */
class PartFilesTest {

    @TempDir
    Path dir;

    @Test
    void aPartFileIsLiveUntilMovedOrDeletedAndThenNoLongerOurs() throws Exception {
        Path target = dir.resolve("v.mp4");
        Path part = PartFiles.create(target);
        assertThat(part.getFileName().toString()).matches("\\.v\\.mp4\\.[0-9a-f-]{36}\\.part");
        assertThat(PartFiles.isPartFileOf(target, part.getFileName().toString())).isTrue();
        assertThat(PartFiles.live()).contains(part);
        TargetPath.moveIntoPlace(part, target);
        assertThat(PartFiles.live()).doesNotContain(part, target);
        assertThat(target).exists();

        Path other = PartFiles.create(target);
        PartFiles.delete(other);
        assertThat(other).doesNotExist();
        assertThat(PartFiles.live()).doesNotContain(other);
        assertThat(target).as("the finished target is never a part file").exists();
    }

    @Test
    void onlyOurExactNamesOfTheSameTargetOlderThanTheCutOffAreDeletedAsStale() throws Exception {
        Path target = dir.resolve("v.mp4");
        Instant old = Instant.now().minus(PartFiles.STALE).minusSeconds(60);
        Path stale = file("." + "v.mp4." + UUID.randomUUID() + ".part", old);
        Path fresh = file(".v.mp4." + UUID.randomUUID() + ".part", Instant.now());
        Path otherTarget = file(".w.mp4." + UUID.randomUUID() + ".part", old);
        Path notOurs = file(".v.mp4.backup.part", old);
        Path upper = file(".v.mp4." + UUID.randomUUID().toString().toUpperCase() + ".part", old);
        Path user = file("v.mp4.part", old);
        Path theTarget = file("v.mp4", old);
        Path dirNamedLikeOne = Files.createDirectory(dir.resolve(".v.mp4." + UUID.randomUUID() + ".part"));
        Path linkToOld = Files.createSymbolicLink(dir.resolve(".v.mp4." + UUID.randomUUID() + ".part"), otherTarget);
        Files.setLastModifiedTime(dirNamedLikeOne, FileTime.from(old));

        Path part = PartFiles.create(target);

        assertThat(stale).as("left by a killed download of the same target").doesNotExist();
        assertThat(fresh).as("written recently: maybe another process's live download").exists();
        assertThat(otherTarget).exists();
        assertThat(notOurs).exists();
        assertThat(upper).exists();
        assertThat(user).exists();
        assertThat(theTarget).exists();
        assertThat(dirNamedLikeOne).isDirectory();
        assertThat(Files.isSymbolicLink(linkToOld)).as("a link is not a part file of ours").isTrue();
        assertThat(part).exists();
        PartFiles.delete(part);
    }

    @Test
    void aLivePartFileOfThisJvmIsNeverStaleHoweverOld() throws Exception {
        Path target = dir.resolve("glob[*]{a,b}?.mp4");
        Path part = PartFiles.create(target);
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minus(PartFiles.STALE).minusSeconds(60)));
        Path stale = file("." + target.getFileName() + "." + UUID.randomUUID() + ".part", Instant.now().minus(PartFiles.STALE).minusSeconds(60));
        PartFiles.deleteStale(target, Instant.now().minus(PartFiles.STALE));
        assertThat(part).as("still under way in this JVM").exists();
        assertThat(stale).as("glob characters in the name are matched literally").doesNotExist();
        PartFiles.delete(part);
    }

    private Path file(String name, Instant modified) throws Exception {
        Path p = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(p, FileTime.from(modified));
        return p;
    }
}
