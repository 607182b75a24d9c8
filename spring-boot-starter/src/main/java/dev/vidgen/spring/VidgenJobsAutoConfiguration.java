package dev.vidgen.spring;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.jobs.DirectoryResultStore;
import dev.vidgen.jobs.Journal;
import dev.vidgen.jobs.ResultStore;
import dev.vidgen.jobs.VideoJobs;
import dev.vidgen.jobs.VideoJobsBuilder;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;

/**
 * The durable jobs service ({@link VideoJobs}) on the application's {@link DataSource}, when
 * {@code vidgen-jobs} is on the classpath, the context has one {@code DataSource} and a
 * {@link VideoClient}, and {@code vidgen.jobs.enabled} is not {@code false}. Its tables are created
 * only with {@code vidgen.jobs.initialize-schema=true}, named with {@code vidgen.jobs.table-prefix}; otherwise a missing schema fails the startup
 * naming the migration to run. Started with the context (unless {@code vidgen.jobs.auto-start=false})
 * and closed with it. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = VidgenAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({VideoJobs.class, DataSource.class})
@ConditionalOnBean({DataSource.class, VideoClient.class})
@ConditionalOnProperty(prefix = "vidgen.jobs", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(VidgenJobsProperties.class)
public class VidgenJobsAutoConfiguration {

    /** The configuration, as Spring creates it. */
    public VidgenJobsAutoConfiguration() {
    }

    /**
     * Where results are stored: {@code vidgen.jobs.result-directory}.
     *
     * @param properties the {@code vidgen.jobs.*} properties
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    public ResultStore vidgenResultStore(VidgenJobsProperties properties) {
        return new DirectoryResultStore(properties.resultDirectory());
    }

    /**
     * The jobs service, its journal on the application's data source.
     *
     * @param properties the {@code vidgen.jobs.*} properties
     * @param client     the client that submits and downloads
     * @param dataSource the application's database
     * @param store      where results go
     * @param polling    the {@code vidgen.polling.*} wait options, if any
     * @return the service, started unless {@code vidgen.jobs.auto-start=false}
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public VideoJobs vidgenJobs(VidgenJobsProperties properties, VideoClient client, DataSource dataSource, ResultStore store,
                                ObjectProvider<AwaitOptions> polling) {
        VideoJobsBuilder b = VideoJobs.builder().client(client).journal(Journal.shared(dataSource)).resultStore(store)
                .applySchema(properties.initializeSchema()).tablePrefix(properties.tablePrefix());
        PropertyMapper whenSet = PropertyMapper.get(); // an unset (null) property keeps the builder's default
        whenSet.from(properties.maxInFlight()).to(b::maxInFlight);
        whenSet.from(properties.workers()).to(b::workers);
        whenSet.from(properties.instanceName()).to(b::instanceName);
        polling.ifUnique(b::polling);
        VideoJobs jobs = b.build();
        return properties.autoStart() ? jobs.start() : jobs;
    }
}
