package dev.vidgen.spring;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 'vidgen.jobs.*' properties of the durable jobs service, made when vidgen-jobs is on the
 * classpath and the context has a DataSource. Its tables are {@code <table-prefix>jobs}, {@code <table-prefix>jobs_gate}
 * and {@code <table-prefix>scheduled_tasks} ('vidgen_jobs', ... by default).
 *
 * @param enabled          whether to make the jobs service at all
 * @param initializeSchema create the tables when they are missing (off: the application's migrations own the schema,
 *                         see 'db/vidgen/postgresql/V1__jobs.sql' in the vidgen-jobs jar)
 * @param resultDirectory  where the downloaded results are stored
 * @param maxInFlight      the most tasks submitted and not yet ended at once, across instances (unset: the module's default)
 * @param workers          worker threads of this instance (unset: the module's default)
 * @param instanceName     this instance's name in the journal (unset: host name and process id)
 * @param autoStart        start working when the context starts
 * @param tablePrefix      the prefix of the journal's table and index names, so they sit beside the application's tables:
 *                         lower-case letters, digits and '_', starting with a letter, at most 43 characters (a bad value
 *                         fails the startup); for hand-run migrations replace each 'vidgen_' of the shipped DDL with it
 */
@ConfigurationProperties("vidgen.jobs")
public record VidgenJobsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean initializeSchema,
        @DefaultValue("vidgen-results") Path resultDirectory,
        Integer maxInFlight,
        Integer workers,
        String instanceName,
        @DefaultValue("true") boolean autoStart,
        @DefaultValue("vidgen_") String tablePrefix) {
}
