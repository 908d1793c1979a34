-- One tenant, one job. A request that covers many tenants is recorded once in job_request (who
-- asked, the range, how many tenants); each of its tenants gets a row of job_request_tenant, which
-- the node that runs the tenant's job fills in. No column holds the whole tenant list.
-- The sync lock names the job execution that holds a source, and the Quartz instance of the node
-- it runs on, so that a holder whose node left the cluster is known to be dead at once.
-- Portable between H2 (MODE=MySQL) and MySQL/MariaDB.

ALTER TABLE job_request MODIFY sources VARCHAR(2000) NULL;
ALTER TABLE job_request ADD COLUMN tenant_count INT NULL;
ALTER TABLE job_request ADD COLUMN work VARCHAR(40) NULL;

CREATE TABLE job_request_tenant (
    request_id       BIGINT        NOT NULL,
    source           VARCHAR(60)   NOT NULL,
    job_name         VARCHAR(100)  NOT NULL,
    period_from      DATE          NOT NULL,
    period_to        DATE          NOT NULL,
    revision         BIGINT        NULL,
    status           VARCHAR(20)   NOT NULL,
    node             VARCHAR(200)  NULL,
    job_execution_id BIGINT        NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    started_at       DATETIME(3)   NULL,
    finished_at      DATETIME(3)   NULL,
    message          VARCHAR(2000) NULL,
    PRIMARY KEY (request_id, source)
);
CREATE INDEX job_request_tenant_by_work ON job_request_tenant (job_name, source, period_from, period_to);
CREATE INDEX job_request_tenant_by_execution ON job_request_tenant (job_execution_id);
CREATE INDEX job_request_tenant_by_status ON job_request_tenant (request_id, status);

DROP TABLE sync_lock;
CREATE TABLE sync_lock (
    source             VARCHAR(60)  NOT NULL PRIMARY KEY,
    job_execution_id   BIGINT       NOT NULL,
    holder             VARCHAR(200) NOT NULL,
    scheduler_instance VARCHAR(200) NULL,
    acquired_at        DATETIME(3)  NOT NULL,
    heartbeat_at       DATETIME(3)  NOT NULL,
    expires_at         DATETIME(3)  NOT NULL
);
