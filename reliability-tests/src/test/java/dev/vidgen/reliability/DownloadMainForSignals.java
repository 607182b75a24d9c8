package dev.vidgen.reliability;

import dev.vidgen.client.VideoClient;
import java.net.URI;
import java.nio.file.Path;

/** A library user's program for {@link SignalledDownloadTest}: downloads {@code args[1]} to {@code args[2]}. */
final class DownloadMainForSignals {

    private DownloadMainForSignals() {
    }

    public static void main(String[] args) {
        try (VideoClient client = VideoClient.builder().baseUrl(args[0]).apiKey(SignalledDownloadTest.KEY).build()) {
            client.download(HostileTransportTest.completed(URI.create(args[1])), 0, Path.of(args[2]));
        }
    }
}
