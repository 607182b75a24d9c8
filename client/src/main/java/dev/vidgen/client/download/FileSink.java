package dev.vidgen.client.download;

import dev.vidgen.client.error.VidgenException;
import dev.vidgen.ports.http.BodySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Writes a 2xx body into its part file as it arrives, counting the bytes against the size cap and
 * refusing a body that starts like an HTML page (an error page served with 200 is not a video).
 * Never holds more than a buffer in memory.
 */
final class FileSink implements BodySink<Path> {

    /** How many leading bytes are looked at for an HTML page. */
    private static final int SNIFF = 64;

    private final Path part;
    private final long maxBytes;
    private final String what;
    private final LongConsumer progress;
    private final FileChannel channel;
    private final byte[] head = new byte[SNIFF];
    private int headLength;
    private boolean sniffed;
    private long received;

    FileSink(Path part, long maxBytes, String what, LongConsumer progress) {
        this.part = part;
        this.maxBytes = maxBytes;
        this.what = what;
        this.progress = progress;
        try {
            this.channel = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the partial download " + part + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean write(ByteBuffer data) {
        int n = data.remaining();
        if (received + n > maxBytes) {
            received += n;
            progress.accept(received);
            throw DownloadRun.sizeLimit(what, maxBytes, received);
        }
        if (!sniffed) {
            int take = Math.min(n, SNIFF - headLength);
            data.duplicate().get(head, headLength, take);
            headLength += take;
            if (headLength == SNIFF) {
                sniff();
            }
        }
        try {
            while (data.hasRemaining()) {
                channel.write(data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the partial download " + part + ": " + e.getMessage(), e);
        }
        received += n;
        progress.accept(received);
        return true;
    }

    @Override
    public Path finish() {
        close();
        if (!sniffed) {
            sniff();
        }
        return part;
    }

    @Override
    public void abandon(Throwable cause) {
        close();
    }

    private void sniff() {
        sniffed = true;
        String start = new String(head, 0, headLength, StandardCharsets.ISO_8859_1).stripLeading()
                .replace("\u00ef\u00bb\u00bf", "").toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head") || start.startsWith("<body")) {
            close();
            throw new VidgenException("refusing to save " + what + ": the body is an HTML page, not a video", null, false);
        }
    }

    private void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the run deletes the part file of a failed attempt anyway
        }
    }
}
