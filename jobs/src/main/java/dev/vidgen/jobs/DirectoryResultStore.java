package dev.vidgen.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The default {@link ResultStore}: files in a directory, {@code <key>.mp4} for a job with one
 * result and {@code <key>-<n>.mp4} (n from 1) for more. A key is made safe as a file name
 * (characters other than letters, digits, {@code .}, {@code _} and {@code -} become {@code _},
 * and a short hash of the key is then appended so two keys never share a file). Each file appears
 * by an atomic move, so it is either absent or complete.
 */
public final class DirectoryResultStore implements ResultStore {

    private final Path directory;

    /** A store writing into {@code directory} (created when needed). */
    public DirectoryResultStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    /** The directory results are written to. */
    public Path directory() {
        return directory;
    }

    @Override
    public Path staging() throws IOException {
        return Files.createDirectories(directory.resolve(".vidgen").resolve("staging"));
    }

    /** The file result {@code index} of {@code count} of job {@code key} is stored as. */
    public Path fileFor(JobKey key, int index, int count) {
        String base = safeName(key.value());
        return directory.resolve(count <= 1 ? base + ".mp4" : base + "-" + (index + 1) + ".mp4");
    }

    @Override
    public StoredResult store(JobKey key, int index, int count, Path downloaded) throws IOException {
        Files.createDirectories(directory);
        long bytes = Files.size(downloaded);
        String sha = sha256(downloaded);
        Path target = fileFor(key, index, count);
        try {
            Files.move(downloaded, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot move " + downloaded + " atomically to " + target
                    + ": the staging directory must be on the same file system", e);
        }
        return new StoredResult(index, target.toString(), bytes, sha);
    }

    /** {@code key} as a file name: unchanged when already safe, else cleaned and suffixed with a hash. */
    static String safeName(String key) {
        StringBuilder out = new StringBuilder(key.length());
        boolean changed = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || (c == '.' && i > 0));
            out.append(ok ? c : '_');
            changed |= !ok;
        }
        if (changed) {
            out.append('-').append(HexFormat.of().formatHex(digest(key.getBytes(StandardCharsets.UTF_8))), 0, 8);
        }
        return out.toString();
    }

    private static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** SHA-256 of a file, lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest md = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
