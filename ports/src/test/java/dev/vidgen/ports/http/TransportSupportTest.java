package dev.vidgen.ports.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportSupportTest {

    @TempDir
    Path dir;

    @Test
    void headerValuesWithLineBreaksAreRefusedWithoutShowingTheValue() {
        assertThatThrownBy(() -> TransportSupport.checkHeaderValue("Authorization", "Bearer sk-secret\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Authorization").hasMessageContaining("index 16")
                .hasMessageNotContaining("sk-secret");
        assertThatCode(() -> TransportSupport.checkHeaderValue("Authorization", "Bearer sk-secret\twith tab")).doesNotThrowAnyException();
    }

    @Test
    void methodsAndHeaderNamesMustBeTokens() {
        assertThatThrownBy(() -> TransportSupport.checkMethod("GE T")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransportSupport.checkHeaderName("X Bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("character 1");
        assertThatCode(() -> {
            TransportSupport.checkMethod("PATCH");
            TransportSupport.checkHeaderName("X-Request-Id");
        }).doesNotThrowAnyException();
    }

    @Test
    void aDownloadMovesWholeIntoPlaceReplacingTheOldFile() throws Exception {
        Path part = Files.writeString(dir.resolve(".video.part"), "new");
        Path target = Files.writeString(dir.resolve("video.mp4"), "old");
        TransportSupport.moveIntoPlace(part, target, "GET", URI.create("http://127.0.0.1/v.mp4"));
        assertThat(target).hasContent("new");
        assertThat(part).doesNotExist();
    }

    @Test
    void partFilesAreHiddenUniqueSiblingsOfTheTarget() {
        Path target = dir.resolve("video.mp4");
        Path a = TransportSupport.partFileFor(target);
        assertThat(a.getParent()).isEqualTo(dir);
        assertThat(a.getFileName().toString()).startsWith(".video.mp4.").endsWith(".part");
        assertThat(TransportSupport.partFileFor(target)).isNotEqualTo(a);
    }

    @Test
    void aMoveThatCannotHappenIsATransportIoError() {
        Path missing = dir.resolve("missing.part");
        assertThatThrownBy(() -> TransportSupport.moveIntoPlace(missing, dir.resolve("v.mp4"), "GET", URI.create("http://127.0.0.1/v.mp4")))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.IO));
        TransportSupport.deleteQuietly(missing); // nothing there: no exception
    }
}
