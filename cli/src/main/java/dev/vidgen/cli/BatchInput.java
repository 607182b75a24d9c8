package dev.vidgen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a batch file (or standard input for {@code -}), up to {@value #MAX_BYTES} bytes. */
final class BatchInput {

    /** A batch of requests is text; beyond this it is the wrong file. */
    static final int MAX_BYTES = 64 << 20;

    private BatchInput() {
    }

    static byte[] read(String file, InputStream stdin) {
        try {
            byte[] bytes;
            if (file.equals("-")) {
                bytes = stdin.readNBytes(MAX_BYTES + 1);
            } else {
                Path p = Path.of(file);
                if (Files.isDirectory(p)) {
                    throw CliException.usage("cannot read " + Printable.text(file) + ": it is a directory");
                }
                try (InputStream in = Files.newInputStream(p)) {
                    bytes = in.readNBytes(MAX_BYTES + 1);
                }
            }
            if (bytes.length > MAX_BYTES) {
                throw CliException.usage("cannot read " + Printable.text(file) + ": more than " + MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw CliException.usage("cannot read " + Printable.text(file) + ": no such file");
        } catch (AccessDeniedException e) {
            throw CliException.usage("cannot read " + Printable.text(file) + ": permission denied");
        } catch (IOException e) {
            throw CliException.usage("cannot read " + Printable.text(file) + ": " + e.getMessage());
        }
    }
}
