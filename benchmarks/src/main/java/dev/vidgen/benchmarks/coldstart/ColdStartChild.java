package dev.vidgen.benchmarks.coldstart;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.vidgen.adapter.httpclient.ApacheHttpTransportModule;
import dev.vidgen.adapter.jdk.JdkHttpTransportModule;
import dev.vidgen.benchmarks.BenchRequests;
import dev.vidgen.benchmarks.RawExchange;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.guice.VideoClientModule;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One cold start, in a fresh JVM: builds whatever {@code variant} needs, submits one request to
 * the server at {@code baseUrl}, prints {@code answered <task id>} as soon as the answer is in,
 * and halts (the measurement ends with that line; no clean-up is timed or waited for).
 *
 * <p>Variants: {@code raw-jdk}, {@code raw-apache} (a pre-built JSON string posted by hand, as
 * {@link RawExchange} does); {@code builder-jdk}, {@code builder-apache} ({@code VideoClient.builder()});
 * {@code guice-jdk}, {@code guice-apache} ({@link VideoClientModule} plus the adapter's module).
 */
public final class ColdStartChild {

    private ColdStartChild() {
    }

    /** {@code variant baseUrl}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ColdStartChild VARIANT BASE_URL");
        }
        String variant = args[0];
        URI baseUrl = URI.create(args[1]);
        String id = switch (variant) {
            case "raw-jdk", "raw-apache" -> {
                try (RawExchange raw = RawExchange.forTransport(variant.substring(4), baseUrl, BenchRequests.VEO_JSON)) {
                    yield idOf(new String(raw.submit(), StandardCharsets.UTF_8));
                }
            }
            case "builder-jdk", "builder-apache" -> VideoClient.builder().baseUrl(baseUrl).apiKey(BenchRequests.API_KEY)
                    .transportName(variant.substring(8)).build().submit(BenchRequests.veo()).id().value();
            case "guice-jdk", "guice-apache" -> {
                Module transport = variant.endsWith("jdk") ? new JdkHttpTransportModule() : new ApacheHttpTransportModule();
                ClientConfig config = ClientConfig.builder().baseUrl(baseUrl).apiKey(BenchRequests.API_KEY).build();
                VideoClient client = Guice.createInjector(new VideoClientModule(config), transport).getInstance(VideoClient.class);
                yield client.submit(BenchRequests.veo()).id().value();
            }
            default -> throw new IllegalArgumentException("unknown variant '" + variant + "'");
        };
        PrintStream out = System.out;
        out.println("answered " + id);
        out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** The {@code id} of a submit answer, found by hand as the raw variants would (no JSON library loaded). */
    static String idOf(String json) {
        int key = json.indexOf("\"id\":\"");
        if (key < 0) {
            throw new IllegalStateException("no id in the answer");
        }
        int start = key + 6;
        return json.substring(start, json.indexOf('"', start));
    }
}
