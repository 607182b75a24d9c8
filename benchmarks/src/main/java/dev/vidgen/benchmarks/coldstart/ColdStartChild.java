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
 * {@code guice-jdk}, {@code guice-apache} ({@link VideoClientModule} plus the adapter's module);
 * {@code trace-builder-jdk}, {@code trace-builder-apache} (the builder in timed steps, see {@link #trace}).
 */
public final class ColdStartChild {

    private ColdStartChild() {
    }

    /** {@code variant baseUrl}. */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException("usage: ColdStartChild VARIANT BASE_URL [LAUNCH_EPOCH_MILLIS]");
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
            case "trace-builder-jdk", "trace-builder-apache" -> trace(baseUrl, variant.substring(14),
                    args.length == 3 ? Long.parseLong(args[2]) : System.currentTimeMillis());
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

    /**
     * The builder variant in steps, each timed from {@code launchMillis} (when the parent started
     * this process, on the same wall clock) and printed as {@code phase <name> <ms>}
     * before the {@code answered} line: each step pays for the classes it is the first to need, so
     * the steps say where the builder's cold start goes. The client then repeats some of the work
     * (its own validator factory, catalogue and codec), which costs little once the classes are in.
     */
    private static String trace(URI baseUrl, String transport, long start) {
        phase("main", start);
        dev.vidgen.domain.catalog.ModelCatalog catalog = dev.vidgen.domain.catalog.ModelCatalog.loadInstalled();
        phase("model-catalog", start);
        dev.vidgen.domain.VideoRequest request = BenchRequests.veo();
        phase("request-built", start);
        jakarta.validation.ValidatorFactory factory = jakarta.validation.Validation.byProvider(org.hibernate.validator.HibernateValidator.class)
                .configure().ignoreXmlConfiguration().traversableResolver(dev.vidgen.client.internal.AlwaysTraversable.INSTANCE)
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory();
        phase("validator-factory", start);
        if (!factory.getValidator().validate(request).isEmpty()) {
            throw new IllegalStateException("the benchmark request breaks a rule");
        }
        phase("first-validation", start);
        new dev.vidgen.client.protocol.FoxApiCodec(catalog).encodeRequest(request);
        phase("first-encoding", start);
        VideoClient client = VideoClient.builder().baseUrl(baseUrl).apiKey(BenchRequests.API_KEY).transportName(transport).build();
        phase("client-built", start);
        String id = client.submit(request).id().value();
        phase("submit-answered", start);
        return id;
    }

    private static void phase(String name, long startMillis) {
        System.out.println("phase " + name + " " + (System.currentTimeMillis() - startMillis));
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
