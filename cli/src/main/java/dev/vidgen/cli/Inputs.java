package dev.vidgen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

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
        } catch (IOException | InvalidPathException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new CliException(ExitCode.INVALID_REQUEST, (file.equals("-") ? "standard input" : file)
                    + " is larger than 1 MiB; a request body is a small JSON object");
        }
        return bytes;
    }

    /**
     * Checks, before a task is submitted or awaited, that a download may be written to
     * {@code output}: a file name whose directory exists, and where nothing is yet or, with
     * {@code force}, a regular file. Anything else is refused, naming what is there: the download
     * replaces its target by a rename, which would turn a FIFO, a device such as
     * {@code /dev/null}, a symbolic link or a directory into a regular file. {@code -} is refused
     * too: the video goes to a file, standard output carries task ids and URLs.
     *
     * @param output the {@code --output} text as given, or {@code null} when none was given
     * @return the path, or {@code null} when none was given
     * @throws CliException a usage error (exit 1) saying why and what to do
     */
    static Path checkOutput(String output, boolean force) {
        if (output == null) {
            return null;
        }
        if (output.isBlank()) {
            throw CliException.usage("--output is empty; give a file name, for example --output video.mp4");
        }
        if (output.equals("-")) {
            throw CliException.usage("--output - (standard output) is not supported: the video is saved to a file"
                    + " and standard output carries task ids and URLs; give a file name, for example --output video.mp4");
        }
        Path path;
        try {
            path = Path.of(output);
        } catch (InvalidPathException e) {
            throw CliException.usage("--output " + output + " is not a valid path: " + e.getReason());
        }
        Path abs = path.toAbsolutePath();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            // no such file (fine if its directory exists), or a path through something that is not a directory
            attrs = null;
            Path dir = abs.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw CliException.usage("--output " + output + ": " + dir
                        + (Files.exists(dir) ? " is not a directory" : ": the directory does not exist"));
            }
            if (!(e instanceof NoSuchFileException)) {
                throw CliException.usage("--output " + output + " cannot be checked: " + e.getMessage());
            }
        }
        if (attrs == null) {
            return path;
        }
        if (attrs.isRegularFile()) {
            if (!force) {
                throw CliException.usage("--output " + output + " already exists; add --force to replace it, or choose another name");
            }
            return path;
        }
        String what;
        if (attrs.isSymbolicLink()) {
            what = "a symbolic link" + linkTarget(abs);
        } else if (attrs.isDirectory()) {
            throw CliException.usage("--output " + output + " is a directory; give a file name, for example "
                    + abs.resolve("video.mp4"));
        } else {
            what = special(abs);
        }
        throw CliException.usage("--output " + output + " is " + what + ", not a regular file; vidgen saves a video"
                + " only as a new or regular file (--force replaces regular files only): choose another name");
    }

    private static String linkTarget(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** What kind of special file is at {@code path}: its type from the Unix mode bits where the platform has them. */
    private static String special(Path path) {
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file (a FIFO, device or socket)";
        }
    }
}
