package dev.vidgen.client;

import dev.vidgen.client.internal.Hosts;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.ports.http.TransportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Everything configurable about a client, as one immutable value: for {@link VideoClientBuilder}
 * and for the Guice {@code VideoClientModule}. Build with {@link #builder()}.
 *
 * <h2>Timeouts and their precedence</h2>
 * <ul>
 *   <li><b>connect</b> ({@link TransportSettings#connectTimeout()}): how long the transport waits
 *       for a TCP/TLS connection; a property of the transport, the same for every call.</li>
 *   <li><b>attempt</b> ({@link #attemptTimeout()}): how long one HTTP attempt waits for its whole
 *       answer. A {@code CallSettings.attemptTimeout} given to a call wins over it.</li>
 *   <li><b>call</b> ({@link #callTimeout()}): how long one call may take, all attempts and backoff
 *       included. A {@code CallSettings.callTimeout} wins over it. Each attempt's timeout is cut to
 *       the time the call has left, and no retry is scheduled past it (not even for a
 *       {@code Retry-After}).</li>
 *   <li><b>wait</b> ({@code AwaitOptions.timeout}): the total deadline of an {@code await}, which
 *       makes many calls; each of them is cut to the time the wait has left.</li>
 * </ul>
 */
public final class ClientConfig {

    /** The API's address. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.foxapi.cc");

    /** The environment variable read for the base URL when none is set explicitly (as the CLI does). */
    public static final String BASE_URL_ENV_VAR = "FOXAPI_BASE_URL";

    /** This library's version, as sent in the {@code User-Agent}. */
    public static final String VERSION = loadVersion();

    /** {@code vidgen-java/<version>}. */
    public static final String DEFAULT_USER_AGENT = "vidgen-java/" + VERSION;

    private final URI baseUrl;
    private final String baseUrlSource;
    private final ApiKey apiKey;
    private final boolean allowInsecureHttp;
    private final String userAgent;
    private final RetryPolicy retryPolicy;
    private final Duration attemptTimeout;
    private final Duration callTimeout;
    private final TransportSettings transportSettings;
    private final String transportName;
    private final ValidationPolicy validationPolicy;
    private final ClientObserver observer;

    /** Resolves {@code s} over {@code base} (null: the environment and the defaults). */
    private ClientConfig(ClientConfig base, ClientSettings<?> s) {
        s.checkConsistent();
        this.allowInsecureHttp = s.allowInsecureHttp != null ? s.allowInsecureHttp : base != null && base.allowInsecureHttp;
        UnaryOperator<String> environment = s.environment != null ? s.environment : System::getenv;
        if (s.baseUrl != null) {
            this.baseUrl = checkBaseUrl(s.baseUrl, allowInsecureHttp);
            this.baseUrlSource = "set";
        } else if (base != null) {
            this.baseUrl = checkBaseUrl(base.baseUrl, allowInsecureHttp);
            this.baseUrlSource = base.baseUrlSource;
        } else {
            String env = environment.apply(BASE_URL_ENV_VAR);
            if (env != null && !env.isBlank()) {
                try {
                    this.baseUrl = checkBaseUrl(parse(env.strip(), "the environment variable " + BASE_URL_ENV_VAR), allowInsecureHttp);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the environment variable " + BASE_URL_ENV_VAR + " does not hold a usable base URL: "
                            + e.getMessage(), e);
                }
                this.baseUrlSource = BASE_URL_ENV_VAR;
            } else {
                this.baseUrl = checkBaseUrl(DEFAULT_BASE_URL, allowInsecureHttp);
                this.baseUrlSource = "default";
            }
        }
        if (s.apiKey != null) {
            this.apiKey = s.apiKey;
        } else if (base != null) {
            this.apiKey = base.apiKey;
        } else {
            this.apiKey = ApiKey.fromEnvironment(environment).orElse(null);
        }
        this.userAgent = checkHeaderValue(pick(s.userAgent, base == null ? null : base.userAgent, DEFAULT_USER_AGENT), "userAgent");
        this.retryPolicy = pick(s.retryPolicy, base == null ? null : base.retryPolicy, RetryPolicy.defaults());
        this.attemptTimeout = positive(pick(s.attemptTimeout, base == null ? null : base.attemptTimeout, Duration.ofSeconds(60)), "attemptTimeout");
        this.callTimeout = positive(pick(s.callTimeout, base == null ? null : base.callTimeout, Duration.ofMinutes(3)), "callTimeout");
        TransportSettings ts = pick(s.transportSettings, base == null ? null : base.transportSettings, TransportSettings.defaults());
        this.transportSettings = s.connectTimeout == null ? ts : ts.withConnectTimeout(positive(s.connectTimeout, "connectTimeout"));
        this.transportName = s.transportName != null ? s.transportName : base == null ? null : base.transportName;
        this.validationPolicy = pick(s.validationPolicy, base == null ? null : base.validationPolicy, ValidationPolicy.defaults());
        this.observer = ClientObserver.safe(pick(s.observer, base == null ? null : base.observer, ClientObserver.NOOP));
    }

    private static <T> T pick(T set, T inherited, T fallback) {
        return set != null ? set : inherited != null ? inherited : fallback;
    }

    /**
     * A builder with the defaults: the base URL from {@value #BASE_URL_ENV_VAR} or else foxapi's https
     * address, the key from {@value ApiKey#ENV_VAR}, 60 s attempts, 3 min calls. A value set on the
     * builder wins over the environment; an empty variable counts as unset.
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /** The defaults, with the key (if any) from the environment. */
    public static ClientConfig defaults() {
        return builder().build();
    }

    /** A builder starting from this configuration: what it sets wins, the rest is kept. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This configuration with {@code settings} (those made) applied over it. */
    static ClientConfig over(ClientConfig base, ClientSettings<?> settings) {
        return new ClientConfig(base, settings);
    }

    /** The API's address, for example {@code https://api.foxapi.cc}. */
    public URI baseUrl() { return baseUrl; }

    /** Where {@link #baseUrl()} came from: {@code set} (on the builder), {@value #BASE_URL_ENV_VAR} or {@code default}. */
    public String baseUrlSource() { return baseUrlSource; }

    /** The key set explicitly or found in {@value ApiKey#ENV_VAR}; empty when neither (fine for a fake task port). */
    public Optional<ApiKey> apiKey() { return Optional.ofNullable(apiKey); }

    /** Whether plain http to a host that is not loopback was explicitly allowed. */
    public boolean allowInsecureHttp() { return allowInsecureHttp; }

    /** The {@code User-Agent} header. */
    public String userAgent() { return userAgent; }

    /** When and how fast calls are retried. */
    public RetryPolicy retryPolicy() { return retryPolicy; }

    /** The default timeout of one HTTP attempt. */
    public Duration attemptTimeout() { return attemptTimeout; }

    /** The default timeout of one call, retries included. */
    public Duration callTimeout() { return callTimeout; }

    /** Settings for a transport the client creates (connect timeout, pool size, proxy). */
    public TransportSettings transportSettings() { return transportSettings; }

    /** The transport provider to use by name ({@code apache}, {@code jdk}); empty for the highest priority one. */
    public Optional<String> transportName() { return Optional.ofNullable(transportName); }

    /** Which validation rules are in force. */
    public ValidationPolicy validationPolicy() { return validationPolicy; }

    /** Hears HTTP attempts, task events and calls; {@link ClientObserver#NOOP} unless set. Never throws into a call. */
    public ClientObserver observer() { return observer; }

    /** Equal when every setting is (the base URL's source included). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClientConfig c && baseUrl.equals(c.baseUrl) && baseUrlSource.equals(c.baseUrlSource)
                && Objects.equals(apiKey, c.apiKey) && allowInsecureHttp == c.allowInsecureHttp && userAgent.equals(c.userAgent)
                && retryPolicy.equals(c.retryPolicy) && attemptTimeout.equals(c.attemptTimeout) && callTimeout.equals(c.callTimeout)
                && transportSettings.equals(c.transportSettings) && Objects.equals(transportName, c.transportName)
                && validationPolicy.equals(c.validationPolicy) && observer.equals(c.observer);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, baseUrlSource, apiKey, allowInsecureHttp, userAgent, retryPolicy, attemptTimeout, callTimeout,
                transportSettings, transportName, validationPolicy, observer);
    }

    /** Shows every setting; the key only as masked. */
    @Override
    public String toString() {
        return "ClientConfig[baseUrl=" + baseUrl + " (" + baseUrlSource + "), apiKey=" + (apiKey == null ? "none" : apiKey) + ", allowInsecureHttp="
                + allowInsecureHttp + ", userAgent=" + userAgent + ", retryPolicy=" + retryPolicy + ", attemptTimeout="
                + attemptTimeout + ", callTimeout=" + callTimeout + ", transportSettings=" + transportSettings
                + ", transportName=" + transportName + ", validationPolicy=" + validationPolicy
                + (observer == ClientObserver.NOOP ? "" : ", observer=" + observer) + "]";
    }

    private static URI checkBaseUrl(URI uri, boolean allowInsecureHttp) {
        Objects.requireNonNull(uri, "baseUrl");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL with a host, like " + DEFAULT_BASE_URL + ", got " + uri);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not carry user info, a query or a fragment: " + uri.getScheme() + "://" + uri.getHost());
        }
        if (!allowInsecureHttp && !Hosts.isSecureOrLoopback(uri)) {
            throw new IllegalArgumentException("plain http to " + uri.getHost() + " is refused: the API key would travel unencrypted. "
                    + "Use https, or allowInsecureHttp(true) if this is really wanted (plain http to a loopback host is always allowed)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    static URI parse(String text, String what) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URL: " + e.getMessage(), e);
        }
    }

    private static String checkHeaderValue(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(what + " must be non-blank and free of control characters");
        }
        return value;
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    private static String loadVersion() {
        try (InputStream in = ClientConfig.class.getResourceAsStream("vidgen-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // fall through: a missing version must not stop the client
        }
        return "dev";
    }

    /**
     * Builds a {@link ClientConfig}. Its setters are those of {@link ClientSettings}; a builder from
     * {@link ClientConfig#toBuilder()} keeps every setting it does not make.
     */
    public static final class Builder extends ClientSettings<Builder> {
        private final ClientConfig base;

        private Builder(ClientConfig base) {
            this.base = base;
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @throws IllegalArgumentException for a base URL that is not http(s), or plain http to a
         *         host that is not loopback without {@link #allowInsecureHttp(boolean)}
         * @throws IllegalStateException    for {@code connectTimeout(...)} together with {@code transportSettings(...)}
         */
        public ClientConfig build() {
            return new ClientConfig(base, this);
        }
    }
}
