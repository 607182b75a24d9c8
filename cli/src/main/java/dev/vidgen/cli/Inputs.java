package dev.vidgen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading request files and checking output paths before anything is paid for. */
final class Inputs {

    /** A request body is a small JSON object; anything bigger is a wrong file. */
    static final int MAX_REQUEST_BYTES = 1 << 20;

    private Inputs() {
    }

    /** The bytes of {@code file}, or of {@code in} when {@code file} is {@code -}. */
    static byte[] read(String file, InputStream in) {
        byte[] bytes;
        try {
            if (file.equals("-")) {
                bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
            } else {
                Path p = Path.of(file);
                if (Files.isDirectory(p)) {
                    throw CliException.usage("cannot read " + file + ": it is a directory");
                }
                try (InputStream s = Files.newInputStream(p)) {
                    bytes = s.readNBytes(MAX_REQUEST_BYTES + 1);
                }
            }
        } catch (NoSuchFileException e) {
            throw CliException.usage("cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw CliException.usage("cannot read " + file + ": permission denied");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new CliException(ExitCode.INVALID_REQUEST, (file.equals("-") ? "standard input" : file)
                    + " is larger than 1 MiB; a request body is a small JSON object");
        }
        return bytes;
    }

    /**
     * Checks that a download can be written to {@code output}, before a task is submitted or awaited:
     * its directory must exist and it must not be a directory itself.
     */
    static Path checkOutput(Path output) {
        if (output == null) {
            return null;
        }
        Path abs = output.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw CliException.usage("--output " + output + " is a directory; give a file name, for example "
                    + abs.resolve("video.mp4"));
        }
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw CliException.usage("--output " + output + ": the directory " + dir + " does not exist");
        }
        return output;
    }
}
