-- vidgen durable jobs, schema version 1 (HSQLDB). Usable by Flyway (V1__jobs.sql) or applied by vidgen
-- on first use when allowed. Every name starts with the table prefix 'vidgen_' (VideoJobsBuilder.tablePrefix):
-- for another prefix, replace each 'vidgen_' with it, as vidgen does when it applies this script.
-- Times are epoch milliseconds (UTC), so every database reads them alike.
CREATE TABLE vidgen_jobs (
    job_key        VARCHAR(100)    NOT NULL PRIMARY KEY,
    state          VARCHAR(16)     NOT NULL,
    request_json   VARCHAR(1000000) NOT NULL,
    request_sha256 VARCHAR(64)     NOT NULL,
    model          VARCHAR(200),
    task_id        VARCHAR(200),
    progress       INTEGER,
    attempts       INTEGER         NOT NULL,
    polls          INTEGER         NOT NULL,
    error_code     VARCHAR(200),
    last_error     VARCHAR(4000),
    credits        BIGINT,
    usage_json     VARCHAR(100000),
    result_urls    VARCHAR(100000),
    stored_json    VARCHAR(100000),
    enqueued_at    BIGINT          NOT NULL,
    submitted_at   BIGINT,
    completed_at   BIGINT,
    stored_at      BIGINT,
    updated_at     BIGINT          NOT NULL,
    next_at        BIGINT,
    owner          VARCHAR(100)
);
CREATE INDEX vidgen_jobs_state_idx ON vidgen_jobs (state);
-- one row: updating it serialises the in-flight and budget check of every instance
CREATE TABLE vidgen_jobs_gate (
    id    INTEGER NOT NULL PRIMARY KEY,
    ticks BIGINT  NOT NULL
);
INSERT INTO vidgen_jobs_gate (id, ticks) VALUES (1, 0);
-- db-scheduler's table (claiming, heartbeats, dead-execution take-over), under vidgen's name
CREATE TABLE vidgen_scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX vidgen_sched_exec_idx ON vidgen_scheduled_tasks (execution_time);
CREATE INDEX vidgen_sched_hb_idx ON vidgen_scheduled_tasks (last_heartbeat);
