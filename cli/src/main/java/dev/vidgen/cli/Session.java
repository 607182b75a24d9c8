package dev.vidgen.cli;

import dev.vidgen.client.ApiKey;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.VideoClientBuilder;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.await.ProgressListener;
import dev.vidgen.fake.server.FakeVideoApi;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * One run's connection to the API: a {@link VideoClient} on the configured API, or on the embedded
 * fake API when neither a key nor a base URL is configured. Closing it closes both.
 */
final class Session implements AutoCloseable {

    /** The environment variable holding the base URL. */
    static final String BASE_URL_ENV = "FOXAPI_BASE_URL";

    private final VideoClient client;
    private final FakeVideoApi fake;

    private Session(VideoClient client, FakeVideoApi fake) {
        this.client = client;
        this.fake = fake;
    }

    /**
     * Opens a session as the options and environment say; starts the embedded fake (and says so in
     * one line on {@code err}) when neither a key nor a base URL is given.
     */
    static Session open(VidgenCli root, PrintWriter err) {
        CliContext ctx = root.context();
        String key = firstNonBlank(root.apiKey, ctx.envValue(ApiKey.ENV_VAR));
        String baseUrl = firstNonBlank(root.baseUrl, ctx.envValue(BASE_URL_ENV));
        if (key == null && baseUrl == null) {
            FakeVideoApi fake = ctx.fakeApis().start(0, ctx.embeddedTaskDuration(), false);
            err.println("note: no FOXAPI_API_KEY or FOXAPI_BASE_URL set: using the embedded fake API at " + fake.baseUrl()
                    + " (nothing is sent to foxapi)");
            err.flush();
            root.onEmbeddedFake = true;
            return onFake(root, fake);
        }
        if (key == null) {
            throw CliException.usage("a base URL is set but no API key: set FOXAPI_API_KEY or --api-key"
                    + " (vidgen fake-server accepts any key)");
        }
        VideoClientBuilder b = builder(root).apiKey(key);
        if (baseUrl != null) {
            b.baseUrl(baseUrl);
        }
        return new Session(b.build(), null);
    }

    /** A session on a fake API started by the caller; the session closes the fake. */
    static Session onFake(VidgenCli root, FakeVideoApi fake) {
        try {
            // the fake answers at once: a stuck answer should fail in seconds, not after the real API's minute
            VideoClient client = builder(root).baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
                    .attemptTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(30)).build();
            return new Session(client, fake);
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    private static VideoClientBuilder builder(VidgenCli root) {
        VideoClientBuilder b = VideoClient.builder();
        if (root.transport != null) {
            b.transportName(root.transport.providerName());
        }
        return b;
    }

    /** The client. */
    VideoClient client() {
        return client;
    }

    /** Whether this session runs on the embedded fake API. */
    boolean embedded() {
        return fake != null;
    }

    /**
     * How to wait: the deadline, the progress listener, and polls suited to the API: the embedded
     * fake's short tasks are polled often so that the progress is visible.
     */
    AwaitOptions awaitOptions(Duration timeout, ProgressListener listener) {
        AwaitOptions.Builder b = AwaitOptions.builder().listener(listener);
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (fake != null) {
            b.minInterval(Duration.ofMillis(200)).maxInterval(Duration.ofSeconds(1));
        } else {
            b.maxInterval(Duration.ofSeconds(10));
        }
        AwaitOptions o = b.build();
        if (o.minInterval().compareTo(o.timeout()) > 0) {
            // a deadline shorter than the shortest poll interval: still poll before it
            o = o.toBuilder().minInterval(o.timeout()).build();
        }
        return o;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b == null || b.isBlank() ? null : b.strip();
    }
}
