-- Budgets: each change of a tenant's budget state within a month, numbered from 1 per tenant and
-- month. The unique key makes two nodes that see the same change at once record it once: the
-- second insert of the same number fails and re-reads. Amounts are kept as the plain decimal
-- strings they were shown as. The row is also the webhook's outbox: delivered_at is set once the
-- receiver has answered 2xx; claimed_until keeps two senders from posting the same change at once.
-- Portable between H2 (MODE=MySQL) and MySQL/MariaDB.

CREATE TABLE budget_state (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    source           VARCHAR(60)  NOT NULL,
    period_month     CHAR(7)      NOT NULL,
    seq              INT          NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    previous_state   VARCHAR(20)  NOT NULL,
    currency         VARCHAR(10)  NOT NULL,
    budget           VARCHAR(40)  NOT NULL,
    estimate_so_far  VARCHAR(40)  NOT NULL,
    forecast_point   VARCHAR(40)  NOT NULL,
    forecast_low     VARCHAR(40)  NOT NULL,
    forecast_high    VARCHAR(40)  NULL,
    as_of            DATETIME(3)  NOT NULL,
    changed_at       DATETIME(3)  NOT NULL,
    cause            VARCHAR(40)  NOT NULL,
    job_execution_id BIGINT       NULL,
    delivered_at     DATETIME(3)  NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    last_attempt_at  DATETIME(3)  NULL,
    claimed_until    DATETIME(3)  NULL,
    last_error       VARCHAR(500) NULL,
    CONSTRAINT budget_state_once UNIQUE (source, period_month, seq)
);
CREATE INDEX budget_state_by_time ON budget_state (changed_at);
CREATE INDEX budget_state_undelivered ON budget_state (delivered_at, id);
