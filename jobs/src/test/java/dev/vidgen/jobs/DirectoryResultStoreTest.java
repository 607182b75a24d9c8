package dev.vidgen.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** File names made safe, one file per result, size and SHA-256 recorded. */
class DirectoryResultStoreTest {

    @TempDir
    Path dir;

    @Test
    void safeKeysAreKeptAndOthersCleanedWithAHashSoTheyNeverCollide() {
        assertThat(DirectoryResultStore.safeName("order-42.v2")).isEqualTo("order-42.v2");
        String a = DirectoryResultStore.safeName("../etc/passwd");
        String b = DirectoryResultStore.safeName("__etc_passwd");
        assertThat(a).doesNotContain("/").startsWith("_._etc_passwd-").hasSize("_._etc_passwd-".length() + 8);
        assertThat(a).isNotEqualTo(b);
        assertThat(DirectoryResultStore.safeName("a/b")).isNotEqualTo(DirectoryResultStore.safeName("a_b"));
    }

    @Test
    void aStoredResultRecordsItsSizeAndHashAndNamesMultipleResults() throws Exception {
        DirectoryResultStore store = new DirectoryResultStore(dir);
        Path part = Files.writeString(store.staging().resolve("x.part"), "abc");
        StoredResult r = store.store(JobKey.of("k"), 1, 2, part);
        assertThat(r.location()).isEqualTo(dir.resolve("k-2.mp4").toString());
        assertThat(r.bytes()).isEqualTo(3);
        assertThat(r.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(part).doesNotExist();
        assertThat(store.fileFor(JobKey.of("k"), 0, 1)).hasFileName("k.mp4");
    }
}
