package dev.vidgen.cli;

import dev.vidgen.jobs.Journal;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --out DIR} and {@code --journal JDBC_URL}: where results and the journal are. */
final class JournalOptions {

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default: the current one); the default journal is DIR/.vidgen/")
    Path out;

    @Option(names = "--journal", paramLabel = "JDBC_URL",
            description = "A shared journal instead (jdbc:postgresql://host/db?user=...&password=..., for several machines)")
    String journal;

    Path outDir() {
        return (out == null ? Path.of("") : out).toAbsolutePath().normalize();
    }

    /** A JDBC URL's password parameter, masked wherever a message echoes it. */
    static String maskPassword(String text) {
        return text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
    }

    Journal open() {
        try {
            if (journal == null) {
                return Journal.embedded(outDir().resolve(".vidgen"));
            }
            if (!journal.startsWith("jdbc:")) {
                throw CliException.usage("--journal must be a JDBC URL (jdbc:postgresql://host/db), got " + Printable.text(journal));
            }
            return Journal.url(journal, null, null);
        } catch (IllegalStateException e) {
            throw new CliException(ExitCode.USAGE, "cannot open the journal: " + Printable.text(maskPassword(String.valueOf(e.getMessage()))), e);
        }
    }
}
