package dev.vidgen.client.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part files of downloads in progress: hidden, uniquely named siblings of their target
 * ({@code .video.mp4.<uuid>.part}). Every failure deletes its part file; a JVM ending mid-download
 * (Ctrl-C, SIGTERM, {@code System.exit}) deletes the ones still there in a shutdown hook, registered
 * once, on the first download. Only SIGKILL or a crash can leave one behind; its name says what it is.
 */
final class PartFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PartFiles.class);
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private PartFiles() {
    }

    /** Creates a new, empty part file beside {@code target} (absolute). */
    static Path create(Path target) throws IOException {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(PartFiles::deleteAll, "vidgen-part-file-cleanup"));
        }
        Path part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        LIVE.add(part);
        try {
            return Files.createFile(part);
        } catch (IOException e) {
            LIVE.remove(part);
            throw e;
        }
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

    private static void deleteAll() {
        for (Path p : LIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the JVM is ending; nothing more can be done
            }
        }
    }
}
