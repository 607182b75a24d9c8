package dev.vidgen.client;

/**
 * Builds a {@link VideoClient} without Guice. SKELETON: the client helper fills this in
 * (apiKey, baseUrl, allowInsecureHttp, transport, transportSettings, taskPort, scheduler,
 * timeouts, retry policy, polling policy, validation policy, model families).
 */
public final class VideoClientBuilder {

    VideoClientBuilder() {
    }

    /** Builds the client. */
    public VideoClient build() { throw new UnsupportedOperationException("TODO"); }
}
