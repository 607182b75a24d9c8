package dev.vidgen.jobs;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vidgen.client.VideoClient;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Guice: binds {@link VideoJobs} as a singleton on the injector's {@link VideoClient} (install
 * {@code VideoClientModule} and a transport module too). Start it when the application starts and
 * close it when it stops.
 *
 * <pre>{@code
 * Guice.createInjector(new VideoClientModule(config), new ApacheHttpTransportModule(),
 *         new VideoJobsModule(() -> Journal.embedded(dir), b -> b.resultStore(new DirectoryResultStore(dir))));
 * }</pre>
 */
public final class VideoJobsModule extends AbstractModule {

    /** Opens the journal when the service is first needed. */
    @FunctionalInterface
    public interface JournalSource {
        /** The journal to use. */
        Journal open();
    }

    private final JournalSource journal;
    private final UnaryOperator<VideoJobsBuilder> settings;

    /** A module with the journal from {@code journal} and {@code settings} applied to the builder. */
    public VideoJobsModule(JournalSource journal, UnaryOperator<VideoJobsBuilder> settings) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        // everything is in the provider below
    }

    @Provides
    @Singleton
    VideoJobs videoJobs(VideoClient client) {
        return settings.apply(VideoJobs.builder().client(client).journal(journal.open())).build();
    }
}
