package dev.vidgen.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.client.support.Seeds;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobKey;
import dev.vidgen.jobs.JobState;
import dev.vidgen.jobs.ResultStore;
import dev.vidgen.jobs.VideoJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The durable jobs service on the application's DataSource: its conditions, its schema policy, and one job run to the end. */
@Timeout(120)
class VidgenJobsAutoConfigurationTest {

    @TempDir
    Path dir;

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VidgenAutoConfiguration.class, VidgenJobsAutoConfiguration.class))
            .withPropertyValues("vidgen.api-key=sk-jobs-test");

    static DataSource memoryDatabase() {
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl("jdbc:hsqldb:mem:vidgen-" + UUID.randomUUID() + ";hsqldb.tx=mvcc");
        ds.setUser("SA");
        ds.setPassword("");
        return ds;
    }

    @Test
    void withoutADataSourceThereIsNoJobsService() {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(VideoJobs.class));
    }

    @Test
    void withoutVidgenJobsOnTheClasspathThereIsNoJobsService() {
        runner.withBean(DataSource.class, VidgenJobsAutoConfigurationTest::memoryDatabase)
                .withClassLoader(new FilteredClassLoader(VideoJobs.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(VideoJobs.class));
    }

    @Test
    void itCanBeSwitchedOff() {
        runner.withBean(DataSource.class, VidgenJobsAutoConfigurationTest::memoryDatabase).withPropertyValues("vidgen.jobs.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(VideoJobs.class));
    }

    @Test
    void theTablesAreCreatedOnlyWhenAllowed() {
        runner.withBean(DataSource.class, VidgenJobsAutoConfigurationTest::memoryDatabase)
                .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("vidgen_jobs"));
        runner.withBean(DataSource.class, VidgenJobsAutoConfigurationTest::memoryDatabase)
                .withPropertyValues("vidgen.jobs.initialize-schema=true", "vidgen.jobs.auto-start=false",
                        "vidgen.jobs.result-directory=" + dir)
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(VideoJobs.class).hasSingleBean(ResultStore.class);
                    assertThat(ctx.getBean(VideoJobs.class).jobs()).isEmpty();
                });
    }

    @Test
    void aJobRunsToItsStoredResultOnTheApplicationsDatabase() throws Exception {
        try (FakeVideoApi api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(300)).start()) {
            runner.withBean(DataSource.class, VidgenJobsAutoConfigurationTest::memoryDatabase)
                    .withPropertyValues("vidgen.api-key=" + api.apiKey(), "vidgen.base-url=" + api.baseUrl(),
                            "vidgen.polling.min-interval=50ms", "vidgen.polling.max-interval=100ms",
                            "vidgen.jobs.initialize-schema=true", "vidgen.jobs.result-directory=" + dir)
                    .run(ctx -> {
                        VideoJobs jobs = ctx.getBean(VideoJobs.class);
                        JobKey key = JobKey.of("order-42");
                        jobs.enqueue(key, Seeds.kling());
                        assertThat(jobs.awaitSettled(List.of(key), Duration.ofSeconds(60))).isTrue();
                        Job job = jobs.job(key).orElseThrow();
                        assertThat(job.state()).isEqualTo(JobState.STORED);
                        assertThat(job.storedBytes()).isPositive();
                    });
        }
    }

    @Test
    void theTablePrefixNamesTheTablesOnTheContextsDataSource() {
        DataSource ds = memoryDatabase();
        runner.withBean(DataSource.class, () -> ds)
                .withPropertyValues("vidgen.jobs.initialize-schema=true", "vidgen.jobs.auto-start=false",
                        "vidgen.jobs.table-prefix=shop_vidgen_", "vidgen.jobs.result-directory=" + dir)
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    ctx.getBean(VideoJobs.class).enqueue(JobKey.of("order-7"), Seeds.kling());
                    assertThat(rows(ds, "shop_vidgen_jobs")).isEqualTo(1);
                    assertThat(rows(ds, "shop_vidgen_scheduled_tasks")).isEqualTo(1);
                    assertThat(tables(ds)).contains("SHOP_VIDGEN_JOBS", "SHOP_VIDGEN_JOBS_GATE", "SHOP_VIDGEN_SCHEDULED_TASKS")
                            .doesNotContain("VIDGEN_JOBS", "VIDGEN_SCHEDULED_TASKS");
                });
    }

    @Test
    void aBadTablePrefixFailsTheStartupSayingWhy() {
        for (String bad : List.of("shop-vidgen", "1shop_", "shop;drop", "")) {
            runner.withBean(DataSource.class, VidgenJobsAutoConfigurationTest::memoryDatabase)
                    .withPropertyValues("vidgen.jobs.initialize-schema=true", "vidgen.jobs.table-prefix=" + bad)
                    .run(ctx -> assertThat(ctx).getFailure().rootCause().isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("tablePrefix").hasMessageContaining("starting with a letter")
                            .hasMessageContaining("got '" + bad + "'"));
        }
    }

    static long rows(DataSource ds, String table) throws java.sql.SQLException {
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> tables(DataSource ds) throws java.sql.SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (java.sql.Connection c = ds.getConnection();
             java.sql.ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
