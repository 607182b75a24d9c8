package dev.vidgen.spring;

import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.validation.ValidationPolicy;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.core.env.Environment;

/** Turns {@link VidgenProperties} (and the environment's fallbacks) into the client's configuration values. */
final class ClientConfigFactory {

    /** The fallback of {@code vidgen.api-key}. */
    static final String KEY_ENV = "FOXAPI_API_KEY";
    /** The fallback of {@code vidgen.base-url}. */
    static final String BASE_URL_ENV = "FOXAPI_BASE_URL";
    /** Maps a property onto a builder setter only when it is set: an unset (null) property keeps the library's default. */
    private static final PropertyMapper WHEN_SET = PropertyMapper.get();

    private ClientConfigFactory() {
    }

    static ClientConfig config(VidgenProperties p, Environment env, ModelCatalog catalog, ClientObserver observer) {
        ClientConfig.Builder b = ClientConfig.builder()
                .apiKey(blankToNull(p.apiKey() != null ? p.apiKey() : env.getProperty(KEY_ENV)))
                .baseUrl(blankToNull(p.baseUrl() != null ? p.baseUrl() : env.getProperty(BASE_URL_ENV)))
                .allowInsecureHttp(p.allowInsecureHttp())
                .transportName(blankToNull(p.transport()))
                .retryPolicy(retry(p.retry()))
                .observer(observer);
        WHEN_SET.from(p.connectTimeout()).to(b::connectTimeout);
        WHEN_SET.from(p.attemptTimeout()).to(b::attemptTimeout);
        WHEN_SET.from(p.callTimeout()).to(b::callTimeout);
        if (!p.validation().disabledRules().isEmpty()) {
            b.validationPolicy(ValidationPolicy.defaults().disable(catalog, p.validation().disabledRules().toArray(String[]::new)));
        }
        return b.build();
    }

    static RetryPolicy retry(VidgenProperties.Retry r) {
        RetryPolicy.Builder b = RetryPolicy.defaults().toBuilder().retrySubmitWhenTaskMayExist(r.retrySubmitWhenTaskMayExist());
        WHEN_SET.from(r.maxAttempts()).to(b::maxAttempts);
        WHEN_SET.from(r.initialBackoff()).to(b::initialBackoff);
        WHEN_SET.from(r.maxBackoff()).to(b::maxBackoff);
        WHEN_SET.from(r.multiplier()).to(b::multiplier);
        WHEN_SET.from(r.jitter()).to(b::jitter);
        return b.build();
    }

    static AwaitOptions awaitOptions(VidgenProperties.Polling p) {
        AwaitOptions.Builder b = AwaitOptions.defaults().toBuilder();
        WHEN_SET.from(p.minInterval()).to(b::minInterval);
        WHEN_SET.from(p.maxInterval()).to(b::maxInterval);
        WHEN_SET.from(p.timeout()).to(b::timeout);
        return b.build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
