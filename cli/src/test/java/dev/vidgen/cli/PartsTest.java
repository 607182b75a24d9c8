package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.await.ProgressEvent;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.VideoTask;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The small parts: durations, URL suffixes, key scrubbing, progress rendering. */
class PartsTest {

    @ParameterizedTest
    @CsvSource({"90s,PT1M30S", "5m,PT5M", "1h,PT1H", "PT5M,PT5M", "pt90s,PT1M30S", "1h30m,PT1H30M", "500ms,PT0.5S", "2d,PT48H"})
    void durationsAcceptUnitsAndIso(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "soon", "5 m", "0s", "PT0S", "-PT1M", "1x", "m5"})
    void durationsRejectEverythingElseNamingTheForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void durationsFormatShortly() {
        assertThat(Durations.format(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(Durations.format(Duration.parse("PT2.881271503S"))).isEqualTo("2.9s");
        assertThat(Durations.format(Duration.ofSeconds(3))).isEqualTo("3s");
        assertThat(Durations.format(Duration.ofSeconds(250))).isEqualTo("4m10s");
        assertThat(Durations.format(Duration.ofSeconds(Long.MAX_VALUE))).endsWith("m");
        assertThat(Durations.format(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(Durations.format(Duration.ofSeconds(65))).isEqualTo("1m05s");
        assertThat(Durations.format(Duration.ofMinutes(123))).isEqualTo("2h03m");
        assertThat(Durations.format(null)).isEqualTo("?");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "https://example.com/a.png:first_frame|https://example.com/a.png|first_frame",
        "https://example.com/a.png:end_frame|https://example.com/a.png|end_frame",
        "https://example.com/a.png|https://example.com/a.png|NULL",
        "https://example.com:8443/a.png|https://example.com:8443/a.png|NULL",
        "https://example.com:8443|https://example.com:8443|NULL",
        "https://example.com:8443/v.mp4:base|https://example.com:8443/v.mp4|base",
        "https://example.com/a.png:middle|https://example.com/a.png|middle",
        "https://example.com|https://example.com|NULL",
        "https:first_frame|https:first_frame|NULL"
    })
    void suffixesAreSplitFromTheRightOnlyWhenTheyAreWords(String value, String url, String suffix) {
        assertThat(GenerateCommand.splitSuffix(value)).containsExactly(url, suffix);
    }

    @Test
    void scrubbingMasksASecretEvenWhenWrittenInPieces() throws Exception {
        Secrets secrets = new Secrets();
        secrets.add("sk-abcdef123456");
        StringWriter sink = new StringWriter();
        try (Writer w = secrets.scrubbing(sink)) {
            w.write("key sk-abc");
            w.write("def123");
            w.write("456 in a line\n");
            w.write("progress sk-abcdef123456\r");
            w.write("tail sk-abcdef123456");
        }
        assertThat(sink.toString()).isEqualTo("key *** in a line\nprogress ***\rtail ***").doesNotContain("sk-abcdef123456");
    }

    @Test
    void tooShortSecretsAreNotScrubbed() {
        Secrets secrets = new Secrets();
        secrets.add("ab");
        secrets.add(null);
        assertThat(secrets.scrub("a b ab cab")).isEqualTo("a b ab cab");
    }

    @Test
    void plainProgressPrintsOneLinePerChangeOfStatusOrPercent() {
        StringWriter sink = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(sink, true), false, () -> 0L, false);
        p.onProgress(event(TaskStatus.PENDING, 0, Duration.ofSeconds(10)));
        p.onProgress(event(TaskStatus.PENDING, 0, Duration.ofSeconds(9)));   // only the ETA changed
        p.onProgress(event(TaskStatus.PROCESSING, 50, Duration.ofSeconds(4)));
        p.onProgress(event(TaskStatus.COMPLETED, 100, null));
        p.finish();
        assertThat(sink.toString().lines()).containsExactly(
                "progress: pending 0% (ETA 10s)", "progress: processing 50% (ETA 4s)", "progress: completed 100%");
    }

    @Test
    void terminalProgressRedrawsOneBarAndEndsItsLine() {
        StringWriter sink = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(sink, true), true, () -> 0L, false);
        p.onProgress(event(TaskStatus.PROCESSING, 50, Duration.ofSeconds(75)));
        p.onProgress(event(TaskStatus.COMPLETED, 100, null));
        p.finish();
        String half = "#".repeat(ProgressPrinter.BAR_WIDTH / 2) + ".".repeat(ProgressPrinter.BAR_WIDTH / 2);
        String first = String.format("processing [%s]  50%%  ETA 1m15s", half);
        String second = String.format("completed  [%s] 100%%", "#".repeat(ProgressPrinter.BAR_WIDTH));
        // the second draw pads over what is left of the longer first one
        assertThat(sink.toString()).isEqualTo("\r" + first + "\r" + second + " ".repeat(first.length() - second.length())
                + System.lineSeparator());
    }

    @Test
    void betweenPollsTheBarsEtaCountsDownAndStopsAtTheEnd() {
        StringWriter sink = new StringWriter();
        long[] now = {0};
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(sink, true), true, () -> now[0], false);
        p.onProgress(event(TaskStatus.PROCESSING, 50, Duration.ofSeconds(75)));
        now[0] = Duration.ofSeconds(10).toNanos();
        p.tick();
        assertThat(sink.toString()).endsWith("ETA 1m05s");
        p.onProgress(event(TaskStatus.COMPLETED, 100, null));
        int length = sink.toString().length();
        now[0] = Duration.ofSeconds(20).toNanos();
        p.tick();
        p.finish();
        p.tick();
        assertThat(sink.toString().substring(length)).isEqualTo(System.lineSeparator());
    }

    @Test
    void printableTextEscapesEveryCharacterATerminalActsOn() {
        assertThat(Printable.text("a\u001b[2Jb\r\nc\u0007d\u009be\u202ef\u200bg\u2028h\u007f")).isEqualTo(
                "a\\u001b[2Jb\\r\\nc\\u0007d\\u009be\\u202ef\\u200bg\\u2028h\\u007f");
        assertThat(Printable.text("plain text, ümlaut, 日本")).isEqualTo("plain text, ümlaut, 日本");
        assertThat(Printable.text(null)).isEqualTo("null");
    }

    @Test
    void errorsMaskUrlCredentialsAndWriteDurationsForPeople() {
        assertThat(Printable.error("GET https://alice:pw@cdn.example.com/v.mp4 failed; ftp://u@h/x"))
                .isEqualTo("GET https://***@cdn.example.com/v.mp4 failed; ftp://***@h/x");
        assertThat(Printable.error("no response within PT1M; waited PT2.881271503S, then PT1H30M"))
                .isEqualTo("no response within 1m00s; waited 2.9s, then 1h30m");
        assertThat(Printable.error("mail me at a@b.com, see https://example.com/@user")).isEqualTo("mail me at a@b.com, see https://example.com/@user");
    }

    @Test
    void secretsAreMaskedInEveryFormAServerMayEchoThem() {
        Secrets secrets = new Secrets();
        String key = "sk-test-Zq7Hx2PvL9mK4wTr";
        secrets.add(key);
        for (String form : KeyForms.of(key)) {
            String scrubbed = secrets.scrub("before " + form + " after");
            // a base64 text keeps the characters that also encode its neighbours: the key's own part is masked
            assertThat(scrubbed).as(form).doesNotContain(form).contains(Secrets.MASK).startsWith("before ").endsWith(" after");
            assertThat(scrubbed.length()).as(form).isLessThan(("before " + form + " after").length() - 10);
        }
        // base64 of a longer text holding the key at any byte offset
        for (String prefix : new String[] {"Bearer ", "Bearer  ", "x:", "token=", ""}) {
            String b64 = java.util.Base64.getEncoder().encodeToString((prefix + key + "; more").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(secrets.scrub(b64)).as(prefix).contains(Secrets.MASK);
        }
        assertThat(secrets.scrub("nothing secret here: sk-test, Zq7Hx")).isEqualTo("nothing secret here: sk-test, Zq7Hx");
    }

    private static ProgressEvent event(TaskStatus status, int percent, Duration eta) {
        VideoTask task = new VideoTask(TaskId.of("task-unified-1757165031-uyujaw3d"), "kling-o3-ref", status, percent, null,
                null, null, null, null, Instant.EPOCH);
        return new ProgressEvent(task, eta, Duration.ZERO, 1);
    }
}
