package dev.vidgen.client.download;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part files of downloads in progress: hidden, uniquely named siblings of their target
 * ({@code .video.mp4.<uuid>.part}). Every failure deletes its part file; a JVM ending mid-download
 * (Ctrl-C, SIGTERM, {@code System.exit}) deletes the ones still there in a shutdown hook, registered
 * once, on the first download. SIGKILL or a crash can leave one behind; the next download to the same
 * target deletes those of its own name pattern not written for {@link #STALE} (a live download writes,
 * or its attempt timeout ends it, long before that).
 */
final class PartFiles {

    /** A part file of the same target untouched this long belongs to a download that died. */
    static final Duration STALE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(PartFiles.class);
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    /** Set by the hook: a part file created after it ran would outlive the JVM. */
    private static volatile boolean closing;

    private PartFiles() {
    }

    /** Creates a new, empty part file beside {@code target} (absolute), first removing stale ones of it. */
    static Path create(Path target) throws IOException {
        if (HOOKED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(PartFiles::deleteAll, "vidgen-part-file-cleanup"));
            } catch (IllegalStateException e) { // already shutting down
                closing = true;
            }
        }
        deleteStale(target, Instant.now().minus(STALE));
        Path part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        LIVE.add(part); // before the file exists and before the check below: the hook sees it or we see the hook
        try {
            Files.createFile(part);
        } catch (IOException e) {
            LIVE.remove(part);
            throw e;
        }
        if (closing) {
            delete(part);
            throw new IOException("the JVM is shutting down");
        }
        return part;
    }

    /** The part file became the target: no longer ours to delete. */
    static void moved(Path part) {
        LIVE.remove(part);
    }

    /** Deletes a part file; best effort (its name is unique and hidden). */
    static void delete(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            LOG.warn("could not delete the partial download {}: {}", part, e.getMessage());
        }
        LIVE.remove(part);
    }

    /** Part files of downloads still under way (for tests). */
    static Set<Path> live() {
        return Set.copyOf(LIVE);
    }

    /** True for a name {@link #create} gives a part file of {@code target}, and only for that. */
    static boolean isPartFileOf(Path target, String name) {
        return pattern(target).matcher(name).matches();
    }

    private static Pattern pattern(Path target) {
        return Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.part");
    }

    /**
     * Deletes part files of {@code target} left by a killed JVM: our exact name pattern, regular files
     * (a link is not followed), not live in this JVM, last written before {@code before}.
     */
    static void deleteStale(Path target, Instant before) {
        Path dir = target.getParent();
        if (dir == null) {
            return;
        }
        Pattern ours = pattern(target);
        DirectoryStream.Filter<Path> deadOnes = p -> ours.matcher(p.getFileName().toString()).matches() && !LIVE.contains(p);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir, deadOnes)) {
            for (Path p : siblings) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(before)) {
                    Files.deleteIfExists(p);
                    LOG.info("deleted the stale partial download {} (left by a download that was killed)", p);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not look for stale partial downloads beside {}: {}", target, e.getMessage());
        }
    }

    /** Runs at JVM exit: one delete per live part file, no logging (the logger may be gone), never blocks on a lock. */
    private static void deleteAll() {
        closing = true;
        for (Path p : LIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | RuntimeException ignored) {
                // the JVM is ending; nothing more can be done
            }
        }
    }
}
