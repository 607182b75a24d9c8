package dev.vidgen.jobs;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static dev.vidgen.jobs.TestApi.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Two services with different table prefixes on one database (HSQLDB, then a real PostgreSQL) do not see each other's jobs. */
class TablePrefixTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @RegisterExtension
    final TestApi fixture = new TestApi(Duration.ofMillis(200));

    @TempDir
    Path dir;

    private VideoJobs jobs(Journal journal, String prefix) {
        VideoJobsBuilder b = fixture.builder(journal)
                .resultStore(new DirectoryResultStore(dir.resolve(prefix == null ? "default" : prefix))).instanceName("i-" + prefix);
        if (prefix != null) {
            b.tablePrefix(prefix);
        }
        return fixture.build(b);
    }

    static DataSource memoryDatabase() {
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl("jdbc:hsqldb:mem:prefix-" + UUID.randomUUID() + ";hsqldb.tx=mvcc");
        ds.setUser("SA");
        ds.setPassword("");
        return ds;
    }

    static long rows(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void isolated(DataSource ds) throws Exception {
        VideoJobs a = jobs(Journal.shared(ds), "app_a_").start();
        VideoJobs b = jobs(Journal.shared(ds), "app_b_").start();
        JobKey one = JobKey.of("one");
        JobKey two = JobKey.of("two");
        a.enqueue(one, request("a fox"));
        b.enqueue(two, request("a wolf"));
        b.enqueue(JobKey.of("three"), request("a hare"));

        assertThat(a.awaitSettled(List.of(one), Duration.ofSeconds(60))).isTrue();
        assertThat(b.awaitSettled(List.of(two, JobKey.of("three")), Duration.ofSeconds(60))).isTrue();
        assertThat(a.job(one).orElseThrow().state()).isEqualTo(JobState.STORED);
        assertThat(b.job(two).orElseThrow().state()).isEqualTo(JobState.STORED);
        assertThat(a.job(two)).isEmpty();
        assertThat(b.job(one)).isEmpty();
        assertThat(a.jobs()).extracting(Job::key).containsExactly(one);
        assertThat(b.jobs()).hasSize(2);
        assertThat(rows(ds, "app_a_jobs")).isEqualTo(1);
        assertThat(rows(ds, "app_b_jobs")).isEqualTo(2);
        assertThat(rows(ds, "app_a_jobs_gate")).isEqualTo(1);
        rows(ds, "app_a_scheduled_tasks"); // db-scheduler's table under the prefix (fails when missing)
        rows(ds, "app_b_scheduled_tasks");
        assertThat(fixture.api().createdTaskIds()).hasSize(3);
    }

    @Test
    void twoPrefixesOnOneHsqldbDatabaseAreIsolated() throws Exception {
        isolated(memoryDatabase());
    }

    @Test
    void twoPrefixesOnOnePostgresDatabaseAreIsolated() throws Exception {
        DataSource ds = postgres.freshDatabase();
        isolated(ds);
        // the indexes are under each prefix too, so the second schema's creation did not collide with the first's
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'app_%' ORDER BY indexname")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertThat(names).contains("app_a_jobs_state_idx", "app_b_jobs_state_idx", "app_a_sched_exec_idx",
                    "app_b_sched_hb_idx", "app_a_scheduled_tasks_pkey", "app_b_jobs_pkey");
        }
    }

    @Test
    void withoutAPrefixTheTablesKeepTheirNames() throws Exception {
        DataSource ds = postgres.freshDatabase();
        VideoJobs jobs = jobs(Journal.shared(ds), null);
        jobs.enqueue(JobKey.of("one"), request("a fox"));
        assertThat(rows(ds, "vidgen_jobs")).isEqualTo(1);
        assertThat(rows(ds, "vidgen_scheduled_tasks")).isEqualTo(1);
    }

    @Test
    void theEmbeddedJournalCreatesItsTablesUnderThePrefix() throws Exception {
        Journal journal = Journal.embedded(dir.resolve("journal"));
        VideoJobs jobs = jobs(journal, "mine_").start();
        JobKey key = JobKey.of("one");
        jobs.enqueue(key, request("a fox"));
        assertThat(jobs.awaitSettled(List.of(key), Duration.ofSeconds(60))).isTrue();
        assertThat(rows(journal.dataSource(), "mine_jobs")).isEqualTo(1);
        assertThat(tableExists(journal.dataSource(), "VIDGEN_JOBS")).isFalse();
    }

    @Test
    void aMissingSchemaUnderAPrefixNamesTheTableAndTheEdit() {
        DataSource ds = memoryDatabase();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VideoJobs.builder().client(fixture.client()).journal(Journal.shared(ds))
                        .tablePrefix("app_").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("app_jobs")
                .hasMessageContaining("db/vidgen/hsqldb/V1__jobs.sql").hasMessageContaining("replaced by 'app_'");
    }

    private static boolean tableExists(DataSource ds, String name) throws SQLException {
        try (Connection c = ds.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
            return rs.next();
        }
    }
}
