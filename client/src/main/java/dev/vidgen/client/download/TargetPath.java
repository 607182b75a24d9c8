package dev.vidgen.client.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The rule for where a download lands: only nothing or a regular file is replaced (by an atomic
 * move of the complete part file). A symbolic link, a directory, a FIFO, a socket or a device is
 * refused naming what is there: replacing it would break a link, swallow a pipe's reader or, as
 * root, turn {@code /dev/null} into a regular file.
 */
final class TargetPath {

    private TargetPath() {
    }

    /**
     * Refuses a target that exists and is not a regular file.
     *
     * @throws IllegalArgumentException naming what is there
     */
    static void requireReplaceable(Path target) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inspect the download target " + target + ": " + e.getMessage(), e);
        }
        if (a.isRegularFile()) {
            return;
        }
        throw new IllegalArgumentException("target " + target + " is " + describe(target, a)
                + "; a download replaces only a regular file (or creates one): give the path of the video file to write");
    }

    private static String describe(Path target, BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (a.isDirectory()) {
            return "a directory";
        }
        try {
            int mode = (Integer) Files.getAttribute(target, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            switch (mode & 0170000) {
                case 0010000: return "a FIFO (named pipe)";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix view: say what is known
        }
        return "not a regular file (a device, FIFO or socket)";
    }

    /** Moves the complete part file over the target, atomically where the file system can. */
    static void moveIntoPlace(Path part, Path target) {
        requireReplaceable(target); // again: something may have appeared there while the body arrived
        try {
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the downloaded video into " + target + ": " + e.getMessage(), e);
        }
        PartFiles.moved(part);
    }
}
