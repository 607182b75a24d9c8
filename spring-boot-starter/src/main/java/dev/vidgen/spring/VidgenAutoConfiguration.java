package dev.vidgen.spring;

import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.VideoClientBuilder;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configures a {@link VideoClient} from {@code vidgen.*} properties ({@link VidgenProperties}).
 * Every bean backs off when the application defines its own.
 *
 * <ul>
 *   <li>{@link ModelCatalog}: the families {@link java.util.ServiceLoader} finds plus every bean of
 *       type {@link ModelFamily} (one of a class only once).</li>
 *   <li>{@link ClientConfig}: from the properties; the key falls back to {@code FOXAPI_API_KEY} and
 *       the base URL to {@code FOXAPI_BASE_URL}; a {@link ClientObserver} bean (the Micrometer one,
 *       see {@link VidgenMicrometerAutoConfiguration}) is attached.</li>
 *   <li>{@link VideoClient}: on that configuration; over a {@link TaskSubmissionPort} bean if there
 *       is one (a fake: no HTTP, no key needed), else over a transport from an
 *       {@link HttpTransportProvider} bean or the adapter on the classpath. Closed with the context.
 *       Without a key for a real call the context fails to start with {@link MissingApiKeyException},
 *       which {@link MissingApiKeyFailureAnalyzer} explains.</li>
 *   <li>{@link AwaitOptions}: the {@code vidgen.polling.*} bounds, for {@code client.submitAndAwait(request, options)}.</li>
 * </ul>
 */
@AutoConfiguration(after = VidgenMicrometerAutoConfiguration.class)
@ConditionalOnClass(VideoClient.class)
@EnableConfigurationProperties(VidgenProperties.class)
public class VidgenAutoConfiguration {

    /** The configuration, as Spring creates it. */
    public VidgenAutoConfiguration() {
    }

    /**
     * The model families: installed ones plus {@link ModelFamily} beans.
     *
     * @param families the application's family beans
     * @return the catalogue
     */
    @Bean
    @ConditionalOnMissingBean
    public ModelCatalog vidgenModelCatalog(ObjectProvider<ModelFamily<?>> families) {
        List<ModelFamily<?>> all = new ArrayList<>(ModelCatalog.loadInstalled().families());
        families.orderedStream().forEach(bean -> {
            if (all.stream().noneMatch(f -> f.getClass().equals(bean.getClass()))) {
                all.add(bean);
            }
        });
        return ModelCatalog.of(all);
    }

    /**
     * The client's configuration from the properties.
     *
     * @param properties the {@code vidgen.*} properties
     * @param environment for the {@code FOXAPI_*} fallbacks
     * @param catalog    for the rules that may be switched off
     * @param observer   a {@link ClientObserver} bean, if any
     * @return the configuration
     */
    @Bean
    @ConditionalOnMissingBean
    public ClientConfig vidgenClientConfig(VidgenProperties properties, Environment environment, ModelCatalog catalog,
                                           ObjectProvider<ClientObserver> observer) {
        return ClientConfigFactory.config(properties, environment, catalog, observer.getIfUnique(() -> ClientObserver.NOOP));
    }

    /**
     * The wait options of {@code vidgen.polling.*}.
     *
     * @param properties the {@code vidgen.*} properties
     * @return the options
     */
    @Bean
    @ConditionalOnMissingBean
    public AwaitOptions vidgenAwaitOptions(VidgenProperties properties) {
        return ClientConfigFactory.awaitOptions(properties.polling());
    }

    /**
     * The client, closed with the context.
     *
     * @param config    its configuration
     * @param catalog   its model families
     * @param taskPort  a task port bean (then no HTTP is used for tasks), if any
     * @param transport a transport provider bean, if any
     * @param scheduler a scheduler bean (virtual time in tests), if any
     * @return the client
     * @throws MissingApiKeyException when a real call is configured without a key
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public VideoClient videoClient(ClientConfig config, ModelCatalog catalog, ObjectProvider<TaskSubmissionPort> taskPort,
                                   ObjectProvider<HttpTransportProvider> transport, ObjectProvider<Scheduler> scheduler) {
        TaskSubmissionPort port = taskPort.getIfUnique();
        if (port == null && config.apiKey().isEmpty()) {
            throw new MissingApiKeyException();
        }
        VideoClientBuilder builder = VideoClient.builder().config(config).catalog(catalog);
        if (port != null) {
            builder.taskPort(port);
        }
        transport.ifUnique(builder::transportProvider);
        scheduler.ifUnique(builder::scheduler);
        return builder.build();
    }
}
