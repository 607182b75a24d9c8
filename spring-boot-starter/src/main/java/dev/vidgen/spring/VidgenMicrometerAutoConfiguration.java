package dev.vidgen.spring;

import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.micrometer.MicrometerObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Wires {@link MicrometerObserver} as the client's {@link ClientObserver} when {@code vidgen-micrometer}
 * is on the classpath and the context has a {@link MeterRegistry} or an {@link ObservationRegistry}
 * (Spring Boot's Micrometer auto-configuration makes them). Backs off when the application defines
 * its own {@link ClientObserver}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({MicrometerObserver.class, MeterRegistry.class, ObservationRegistry.class})
public class VidgenMicrometerAutoConfiguration {

    /** The configuration, as Spring creates it. */
    public VidgenMicrometerAutoConfiguration() {
    }

    /**
     * The Micrometer observer: metrics on the context's meter registry (none recorded without one),
     * observations on its observation registry (none without one).
     *
     * @param meters       the meter registry, if any
     * @param observations the observation registry, if any
     * @return the observer
     */
    @Bean
    @ConditionalOnMissingBean(ClientObserver.class)
    @Conditional(OnAnyRegistry.class)
    public MicrometerObserver vidgenMicrometerObserver(ObjectProvider<MeterRegistry> meters,
                                                       ObjectProvider<ObservationRegistry> observations) {
        return new MicrometerObserver(meters.getIfUnique(CompositeMeterRegistry::new),
                observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }

    /** A meter registry or an observation registry is in the context. */
    static final class OnAnyRegistry extends AnyNestedCondition {

        OnAnyRegistry() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(MeterRegistry.class)
        static final class Meters {
        }

        @ConditionalOnBean(ObservationRegistry.class)
        static final class Observations {
        }
    }
}
