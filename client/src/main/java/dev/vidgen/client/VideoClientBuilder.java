package dev.vidgen.client;

import dev.vidgen.client.download.ResultDownloader;
import dev.vidgen.client.internal.Families;
import dev.vidgen.client.internal.SystemScheduler;
import dev.vidgen.client.internal.ValidatorBootstrap;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.client.http.FoxApiTaskPort;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.RequestValidator;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.ports.time.Scheduler;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Builds a {@link VideoClient} without Guice.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder()
 *         .apiKey("sk-...")                      // or the environment variable FOXAPI_API_KEY
 *         .callTimeout(Duration.ofMinutes(2))
 *         .build();
 * }</pre>
 *
 * <p>The client settings (key, base URL, timeouts, retries, transport settings) are those of
 * {@link ClientSettings}, the same as on {@link ClientConfig.Builder}. {@link #config(ClientConfig)}
 * gives a starting point; a setting made on this builder wins over it whatever the order of the
 * calls. The other settings wire the client; every combination either means something or is
 * refused by {@link #build()} with an {@link IllegalStateException} naming both settings:
 *
 * <p>The transport: the one given with {@link #transport(HttpTransport)} (left open for its owner;
 * it is configured by its owner, so {@code transportProvider}, {@code transportName},
 * {@code transportSettings} and {@code connectTimeout} are refused beside it), else one created by
 * the given {@link #transportProvider(HttpTransportProvider)} ({@code transportName} is refused
 * beside it), else by the {@link HttpTransportProvider} named with {@code transportName}, else by
 * the one {@link ServiceLoader} finds with the highest priority (Apache HttpClient 5 over the JDK
 * client). A created transport belongs to the client and is closed with it. With
 * {@link #taskPort(TaskSubmissionPort)} (for example the testkit's fake) no HTTP is used for
 * tasks at all; the transport settings then serve downloads only, and a transport is found only
 * if a download asks for one.
 *
 * <p>The model families: those registered through {@link ServiceLoader} (the two seed families
 * and any user's) plus those added with {@link #addFamily(ModelFamily)}, or exactly the catalog
 * given with {@link #catalog(ModelCatalog)} ({@code addFamily} is refused beside it).
 */
public final class VideoClientBuilder extends ClientSettings<VideoClientBuilder> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VideoClientBuilder.class);

    private ClientConfig base;
    private HttpTransport transport;
    private HttpTransportProvider transportProvider;
    private TaskSubmissionPort taskPort;
    private Scheduler scheduler;
    private ModelCatalog catalog;
    private final List<ModelFamily<?>> addedFamilies = new ArrayList<>();
    private Supplier<Iterable<HttpTransportProvider>> installedProviders =
            () -> ServiceLoader.load(HttpTransportProvider.class, VideoClientBuilder.class.getClassLoader());

    VideoClientBuilder() {
    }

    @Override
    VideoClientBuilder self() {
        return this;
    }

    /**
     * Starts from a whole configuration. Settings made on this builder win over it, before or
     * after this call; a second call replaces the first.
     */
    public VideoClientBuilder config(ClientConfig clientConfig) {
        this.base = Objects.requireNonNull(clientConfig, "clientConfig");
        return this;
    }

    /** An HTTP transport owned by the caller: the client uses it and does not close it. */
    public VideoClientBuilder transport(HttpTransport transport) { this.transport = transport; return this; }

    /** Creates the client's transport with this provider instead of looking one up. */
    public VideoClientBuilder transportProvider(HttpTransportProvider provider) { this.transportProvider = provider; return this; }

    /** Uses this task port instead of HTTP (for example the testkit's fake); the caller owns it. */
    public VideoClientBuilder taskPort(TaskSubmissionPort port) { this.taskPort = port; return this; }

    /** The clock and timer of retries and waits (tests pass virtual time); the caller owns it. Default: one daemon thread, closed with the client. */
    public VideoClientBuilder scheduler(Scheduler scheduler) { this.scheduler = scheduler; return this; }

    /** Adds a model family to those installed (a family already installed is not added twice). */
    public VideoClientBuilder addFamily(ModelFamily<?> family) { addedFamilies.add(Objects.requireNonNull(family, "family")); return this; }

    /** Uses exactly these families instead of looking them up with {@link ServiceLoader}. */
    public VideoClientBuilder catalog(ModelCatalog catalog) { this.catalog = catalog; return this; }

    /** Replaces the {@link ServiceLoader} look-up of transport providers (tests). */
    VideoClientBuilder installedProviders(Supplier<Iterable<HttpTransportProvider>> providers) {
        this.installedProviders = Objects.requireNonNull(providers);
        return this;
    }

    /** The configuration this builder resolves to: its settings over {@link #config(ClientConfig)}'s. */
    ClientConfig resolvedConfig() {
        return ClientConfig.over(base, this);
    }

    /** Refuses the wiring settings that contradict each other or the configuration. */
    private void checkWiring(ClientConfig cfg) {
        String name = cfg.transportName().isPresent() ? (transportName != null ? "transportName(...)" : "transportName (in config(...))") : null;
        if (transport != null) {
            if (transportProvider != null) {
                throw conflict("transport(...)", "transportProvider(...)", "give the transport, or the provider that creates one, not both");
            }
            if (name != null) {
                throw conflict("transport(...)", name, "a transport given ready-made is not looked up by name");
            }
            String settings = connectTimeout != null ? "connectTimeout(...)" : transportSettings != null ? "transportSettings(...)"
                    : !cfg.transportSettings().equals(TransportSettings.defaults()) ? "transportSettings (in config(...))" : null;
            if (settings != null) {
                throw conflict("transport(...)", settings, "a transport given ready-made is configured by its owner");
            }
        }
        if (transportProvider != null && name != null) {
            throw conflict("transportProvider(...)", name, "the provider given is used, so a name would pick nothing");
        }
        if (catalog != null && !addedFamilies.isEmpty()) {
            throw conflict("catalog(...)", "addFamily(...)", "a catalog is exactly the families given; put the family in the catalog");
        }
    }

    private static IllegalStateException conflict(String one, String other, String why) {
        return new IllegalStateException(one + " and " + other + " are both set: " + why);
    }

    /**
     * Builds the client. Nothing is sent; only a transport (and a scheduler thread) may be created.
     *
     * @throws IllegalArgumentException for bad settings (an http base URL to a remote host without
     *         {@link #allowInsecureHttp(boolean)}, say)
     * @throws IllegalStateException    without an API key (unless a task port is given), when no
     *         transport can be found (the message says which module to add), or for two settings
     *         that contradict each other (the message names both)
     */
    public VideoClient build() {
        ClientConfig cfg = resolvedConfig();
        checkWiring(cfg);
        ModelCatalog models = catalog != null ? catalog : Families.installedWith(addedFamilies);
        if (taskPort == null && cfg.apiKey().isEmpty()) {
            throw new IllegalStateException(ApiKey.MISSING);
        }
        List<AutoCloseable> owned = new ArrayList<>();
        ValidatorBootstrap bootstrap = ValidatorBootstrap.start(models);
        try {
            Scheduler time = scheduler;
            if (time == null) {
                SystemScheduler own = new SystemScheduler();
                owned.add(own);
                time = own;
            }

            TaskSubmissionPort port = taskPort;
            HttpTransport http = transport;
            if (port == null) {
                if (http == null) {
                    http = chooseProvider(cfg).create(cfg.transportSettings());
                    owned.add(http);
                }
                port = new FoxApiTaskPort(http, new FoxApiCodec(models), time, cfg);
                LOG.debug("vidgen client for {} (base URL from {}), transport {}", cfg.baseUrl(), cfg.baseUrlSource(), http.name());
            } else {
                LOG.debug("vidgen client on the task port {} (no HTTP for tasks)", port.getClass().getName());
            }
            Supplier<ResultDownloader> downloader = downloader(cfg, http, time, owned);
            ValidatorFactory factory = bootstrap.join();
            owned.add(factory);
            RequestValidator validator = new RequestValidator(factory.getValidator(), cfg.validationPolicy());
            return new VideoClient(models, validator, port, time, downloader, owned, cfg.observer());
        } catch (RuntimeException e) {
            bootstrap.joinAndClose();
            closeQuietly(owned, e);
            throw e;
        }
    }

    /** The downloader: on the client's transport, or on one found only when a download first needs it. */
    private Supplier<ResultDownloader> downloader(ClientConfig cfg, HttpTransport http, Scheduler time, List<AutoCloseable> owned) {
        if (http != null) {
            ResultDownloader d = new ResultDownloader(http, cfg.retryPolicy(), time).observedBy(cfg.observer());
            return () -> d;
        }
        // a fake task port needs no HTTP; create a transport only if the caller downloads
        Object lock = new Object();
        ResultDownloader[] lazy = new ResultDownloader[1];
        HttpTransport[] created = new HttpTransport[1];
        owned.add(() -> {
            synchronized (lock) {
                if (created[0] != null) {
                    created[0].close();
                }
            }
        });
        return () -> {
            synchronized (lock) {
                if (lazy[0] == null) {
                    created[0] = chooseProvider(cfg).create(cfg.transportSettings());
                    lazy[0] = new ResultDownloader(created[0], cfg.retryPolicy(), time).observedBy(cfg.observer());
                }
                return lazy[0];
            }
        };
    }

    private HttpTransportProvider chooseProvider(ClientConfig cfg) {
        if (transportProvider != null) {
            return transportProvider;
        }
        List<HttpTransportProvider> found = new ArrayList<>();
        installedProviders.get().forEach(found::add);
        return choose(found, cfg.transportName().orElse(null));
    }

    /** The named provider, or the one with the highest priority (ties broken by name, for a stable choice). */
    static HttpTransportProvider choose(List<HttpTransportProvider> found, String name) {
        if (found.isEmpty()) {
            throw new IllegalStateException("no HTTP transport found: add the dependency dev.vidgen:vidgen-adapter-httpclient "
                    + "(Apache HttpClient 5) or dev.vidgen:vidgen-adapter-jdk (java.net.http) to the classpath, "
                    + "or pass one with VideoClient.builder().transport(...)");
        }
        if (name != null) {
            return found.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new IllegalStateException(
                    "no HTTP transport named '" + name + "'; found: "
                            + String.join(", ", found.stream().map(HttpTransportProvider::name).toList())));
        }
        return found.stream().max(Comparator.comparingInt(HttpTransportProvider::priority)
                .thenComparing(HttpTransportProvider::name, Comparator.reverseOrder())).orElseThrow();
    }

    private static void closeQuietly(List<AutoCloseable> owned, RuntimeException failure) {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
