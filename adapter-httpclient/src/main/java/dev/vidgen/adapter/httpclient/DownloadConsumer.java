package dev.vidgen.adapter.httpclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Streams a 2xx body into a file as it arrives (64 KiB at a time, never the whole body in
 * memory); for any other status keeps the first {@code cap} bytes and drops the rest.
 * Runs on an I/O reactor thread.
 */
final class DownloadConsumer extends AbstractBinResponseConsumer<DownloadConsumer.Result> {

    /** What came back; for a 2xx the body is in the file and {@code body} is empty. */
    record Result(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private final Path file;
    private final int cap;
    private int status;
    private Map<String, List<String>> headers;
    private FileChannel channel;
    private ByteArrayOutputStream kept;

    DownloadConsumer(Path file, int cap) {
        this.file = file;
        this.cap = cap;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws IOException {
        status = response.getCode();
        headers = ApacheHttpTransport.toMap(response.getHeaders());
        if (status / 100 == 2) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } else {
            kept = new ByteArrayOutputStream();
        }
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (channel != null) {
            while (src.hasRemaining()) {
                channel.write(src);
            }
        } else {
            int n = Math.min(src.remaining(), cap - kept.size());
            if (n > 0) {
                byte[] chunk = new byte[n];
                src.get(chunk);
                kept.write(chunk, 0, n);
            }
            src.position(src.limit());
        }
        if (endOfStream) {
            closeChannel();
        }
    }

    @Override
    protected Result buildResult() {
        closeChannel();
        return new Result(status, headers, kept == null ? new byte[0] : kept.toByteArray());
    }

    @Override
    public void failed(Exception cause) {
        closeChannel();
    }

    @Override
    public void releaseResources() {
        closeChannel();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the download fails or succeeds on its own; the caller deletes the part file on failure
            }
        }
    }
}
