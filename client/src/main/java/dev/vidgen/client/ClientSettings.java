package dev.vidgen.client;

import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.ports.http.TransportSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The client settings, defined once for both builders that take them: {@link ClientConfig.Builder}
 * and {@link VideoClientBuilder}. A setting not made (or set to {@code null}) is taken from the
 * configuration the builder starts from ({@link ClientConfig#toBuilder()},
 * {@link VideoClientBuilder#config(ClientConfig)}), else from the environment or the default; a
 * setting made here wins over that starting point whatever the order of the calls.
 *
 * @param <B> the builder's own type, returned by every setter
 */
public abstract sealed class ClientSettings<B extends ClientSettings<B>> permits ClientConfig.Builder, VideoClientBuilder {

    URI baseUrl;
    ApiKey apiKey;
    Boolean allowInsecureHttp;
    String userAgent;
    RetryPolicy retryPolicy;
    Duration attemptTimeout;
    Duration callTimeout;
    Duration connectTimeout;
    TransportSettings transportSettings;
    String transportName;
    ValidationPolicy validationPolicy;
    ClientObserver observer;
    UnaryOperator<String> environment;

    ClientSettings() {
    }

    /** This builder, typed as itself. */
    abstract B self();

    /**
     * The API's address; when not set, {@value ClientConfig#BASE_URL_ENV_VAR} is read, else
     * {@code https://api.foxapi.cc}. Plain http only to loopback unless {@link #allowInsecureHttp(boolean)}.
     */
    public B baseUrl(URI baseUrl) { this.baseUrl = baseUrl; return self(); }

    /** The API's address as text; {@code null} means not set here (see {@link #baseUrl(URI)}). */
    public B baseUrl(String baseUrl) {
        return baseUrl(baseUrl == null ? null : ClientConfig.parse(baseUrl.strip(), "baseUrl"));
    }

    /**
     * The API key; {@code null} means not set here: {@value ApiKey#ENV_VAR} is read, and a call
     * that needs a key and has none fails saying how to set one.
     */
    public B apiKey(ApiKey apiKey) { this.apiKey = apiKey; return self(); }

    /**
     * The API key as text ({@code sk-...}); {@code null} means not set here (so
     * {@code apiKey(System.getenv("FOXAPI_API_KEY"))} is fine where the variable is unset).
     *
     * @throws IllegalArgumentException for an empty key, or one with spaces or control characters
     */
    public B apiKey(String apiKey) { return apiKey(apiKey == null ? null : ApiKey.of(apiKey)); }

    /** Allows plain http to hosts that are not loopback (the key then travels unencrypted). Off by default. */
    public B allowInsecureHttp(boolean allow) { this.allowInsecureHttp = allow; return self(); }

    /** The {@code User-Agent} header; default {@code vidgen-java/<version>}. */
    public B userAgent(String userAgent) { this.userAgent = userAgent; return self(); }

    /** When and how fast calls are retried; default {@link RetryPolicy#defaults()}. */
    public B retryPolicy(RetryPolicy retryPolicy) { this.retryPolicy = retryPolicy; return self(); }

    /** The default timeout of one HTTP attempt (a call's {@link CallOptions} win); default 60 s. */
    public B attemptTimeout(Duration timeout) { this.attemptTimeout = timeout; return self(); }

    /** The default timeout of one call, retries included (a call's {@link CallOptions} win); default 3 min. */
    public B callTimeout(Duration timeout) { this.callTimeout = timeout; return self(); }

    /**
     * The connect timeout of a transport the client creates; default 10 s. A shorthand for the
     * connect timeout of {@link #transportSettings(TransportSettings)}: setting both on one
     * builder is refused.
     */
    public B connectTimeout(Duration timeout) { this.connectTimeout = timeout; return self(); }

    /** Settings for a transport the client creates (connect timeout, pool size, proxy); default {@link TransportSettings#defaults()}. */
    public B transportSettings(TransportSettings settings) { this.transportSettings = settings; return self(); }

    /** Picks an installed transport provider by name ({@code apache}, {@code jdk}) instead of the highest priority one. */
    public B transportName(String name) { this.transportName = name; return self(); }

    /** Which validation rules are in force; default all. */
    public B validationPolicy(ValidationPolicy policy) { this.validationPolicy = policy; return self(); }

    /** Hears HTTP attempts, task events and calls (for example {@code vidgen-micrometer}'s); default none. */
    public B observer(ClientObserver observer) { this.observer = observer; return self(); }

    /** Where the key and the base URL are looked up when none is set (tests replace {@link System#getenv(String)}). */
    B environment(UnaryOperator<String> environment) { this.environment = Objects.requireNonNull(environment); return self(); }

    /** Refuses settings of this builder that contradict each other. */
    void checkConsistent() {
        if (connectTimeout != null && transportSettings != null) {
            throw new IllegalStateException("connectTimeout(...) and transportSettings(...) are both set: give the connect timeout "
                    + "in the TransportSettings (withConnectTimeout), or drop transportSettings(...)");
        }
    }
}
