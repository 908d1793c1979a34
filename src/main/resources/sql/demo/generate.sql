-- Set-based statements of DemoDataGenerator. Each block starts with "-- name: <name>"; each
-- statement ends with a line holding only ";". Other lines starting with "--" are comments.
--
-- Values are named parameters (:name), bound by JDBC when a block runs (DemoPlan computes them from
-- the spec; text never comes from one). Timestamps are written CAST(:name AS DATETIME(3)): H2
-- cannot type a bare parameter inside TIMESTAMPADD, and Connector/J sends it as text, from which
-- MariaDB's TIMESTAMPADD would return text. Three shorthands are written out as SQL when the
-- script is read (DemoStatements):
--   HASH(key, i)     a deterministic BIGINT hash of a small integer key, in [0, p) with p the
--                    prime 2^31 + 11: x = (key * :hashFactor<i> + :hashSalt<i>) mod p, then
--                    x * x mod p, so that nearby keys do not give nearby values (the factor is one
--                    of eight odd multipliers, the salt comes from the seed). x * x < 4.7e18
--                    stays inside BIGINT;
--   IN_RANGE(key)    a millisecond timestamp in the invalid rows' days (:invalidDays days from
--                    :invalidStart): every day of data covered whole; with data up to an
--                    instant, the 2nd to the second-to-last day of the month before it, so that
--                    the previous calendar month holds them all in every zone (DemoPlan);
--   AFTER_END(key)   a millisecond timestamp :futureFrom + [0, :futureSpan) seconds after :end:
--                    after data of whole days, [:end + 12 h, :end + 24 h), after the end of the
--                    last day in every zone from UTC-12 to UTC+14; after data up to an instant,
--                    [:end + 10 min, :end + 70 min), later the same day in most hours.
--
-- Portability rules, each learnt the hard way (H2 2.4 in MODE=MySQL vs MariaDB/MySQL):
--   * No RAND(): each database has its own generator.
--   * No division: MariaDB divides integers into DECIMAL rounded to 4 places, which FLOOR can
--     push up a whole unit. Java does the divisions and passes the results.
--   * H2 types MOD(a, b) as b's type and INT * INT as INT, and fails beyond 2^31 where MariaDB
--     widens to BIGINT. So p is a BIGINT literal (> 2^31), every large product has a BIGINT
--     column as a factor, and the small-table timestamps are built in DAY, SECOND and
--     MICROSECOND steps that each fit in INT. MariaDB has no MILLISECOND unit.
--   * Only whole milliseconds are ever added, so DATETIME(3) never rounds (MariaDB truncates
--     extra digits, MySQL and H2 round).
--   * Every ROW_NUMBER() orders by a unique key, so ties cannot be broken differently.
--   * H2 may evaluate a derived table once per row of a table joined after it: derived tables
--     come first and are joined with LEFT JOIN (which keeps the order) to rows that always exist.
--   * H2 seeks only on the first column of a two-column key when the value comes from a derived
--     table, so lookups go through one-column keys.

-- name: helper_tables
-- r1..r8: hashes of n, from which the event statements make a row's hash cheaply.
CREATE TABLE gen_numbers (
    n  BIGINT NOT NULL,
    r1 BIGINT NULL,
    r2 BIGINT NULL,
    r3 BIGINT NULL,
    r4 BIGINT NULL,
    r5 BIGINT NULL,
    r6 BIGINT NULL,
    r7 BIGINT NULL,
    r8 BIGINT NULL,
    PRIMARY KEY (n)
)
;
-- First names have ids 100.., last names 200..
CREATE TABLE gen_names (
    id   INT          NOT NULL,
    name VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
)
;
-- One row per week of the range, with how many users can handle events that week.
CREATE TABLE gen_weeks (
    w          BIGINT      NOT NULL,
    week_start DATETIME(3) NOT NULL,
    week_end   DATETIME(3) NOT NULL,
    pool_size  BIGINT      NULL,
    PRIMARY KEY (w)
)
;
-- One row per event table and day: its row numbers first_n .. hi_to * 10000 + lo_to (from
-- hi_from * 10000 + lo_from, so the numbers join reads only those rows through the primary key);
-- those before split_n are at night, one per night_step ms, the others one per day_step ms.
-- w is the week of day d; day_start and pool_size are copied here to spare the event
-- statements a join per row.
CREATE TABLE gen_blocks (
    event_table VARCHAR(20) NOT NULL,
    d           BIGINT      NOT NULL,
    w           BIGINT      NOT NULL,
    day_start   DATETIME(3) NULL,
    pool_size   BIGINT      NULL,
    first_n     BIGINT      NOT NULL,
    split_n     BIGINT      NOT NULL,
    hi_from     BIGINT      NOT NULL,
    lo_from     BIGINT      NOT NULL,
    hi_to       BIGINT      NOT NULL,
    lo_to       BIGINT      NOT NULL,
    night_step  BIGINT      NOT NULL,
    day_step    BIGINT      NOT NULL,
    PRIMARY KEY (event_table, d)
)
;
-- slot = week * 1000000 + k: a one-column key, because H2 seeks only on the first column of a
-- two-column key when the values come from a derived table.
CREATE TABLE gen_pool (
    slot    BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    PRIMARY KEY (slot)
)
;
CREATE TABLE gen_users (
    id BIGINT NOT NULL,
    h1 BIGINT NOT NULL,
    h2 BIGINT NOT NULL,
    h3 BIGINT NOT NULL,
    PRIMARY KEY (id)
)
;
CREATE TABLE gen_last_login (
    user_id BIGINT      NOT NULL,
    ts      DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id)
)
;

-- name: numbers_hashes
UPDATE gen_numbers
SET r1 = HASH(n, 51), r2 = HASH(n, 52), r3 = HASH(n, 53), r4 = HASH(n, 54),
    r5 = HASH(n, 55), r6 = HASH(n, 56), r7 = HASH(n, 57), r8 = HASH(n, 58)
;

-- name: users
-- Generic users; the special ones (hostile names, missing roles, odd dates) are overwritten
-- afterwards by id. The highest ids are the recently created users, as with auto-increment ids.
INSERT INTO users (id, full_name, email, role_id, created_at, deactivated_at, last_login_at, updated_at)
SELECT v.id, v.full_name, v.email, v.role_id, v.created_at, v.deactivated_at, NULL,
       CASE WHEN v.deactivated_at > v.created_at THEN v.deactivated_at ELSE v.created_at END
FROM (
    SELECT s.id,
           CONCAT(f.name, ' ', l1.name, ' ', l2.name) AS full_name,
           CONCAT('usuario', s.id, '@demo.contactcenter.example') AS email,
           CASE WHEN s.role_pick < 3 THEN 1
                WHEN s.role_pick < 13 THEN 2
                WHEN s.role_pick < 19 THEN 4
                ELSE 3 END AS role_id,
           TIMESTAMPADD(MICROSECOND, s.created_ms * 1000, TIMESTAMPADD(SECOND, s.created_second,
               CASE WHEN s.id > :recentAfterId
                    THEN TIMESTAMPADD(DAY, MOD(s.created_pick, :recentSpanDays), CAST(:recentFrom AS DATETIME(3)))
                    ELSE TIMESTAMPADD(DAY, -21 - MOD(s.created_pick, 700), CAST(:start AS DATETIME(3)))
               END)) AS created_at,
           CASE WHEN s.id <= :recentAfterId AND (s.id IN (15, 16, 17) OR (s.id > 20 AND s.churn_pick < 3))
                THEN TIMESTAMPADD(MICROSECOND, s.gone_ms * 1000, TIMESTAMPADD(SECOND, s.gone_second,
                         TIMESTAMPADD(DAY, 3 + MOD(s.gone_pick, :midSpanDays), CAST(:start AS DATETIME(3)))))
           END AS deactivated_at
    FROM (
        SELECT hi.n * 10000 + lo.n + 1 AS id,
               MOD(HASH(hi.n * 10000 + lo.n + 1, 23), 100) AS role_pick,
               HASH(hi.n * 10000 + lo.n + 1, 24) AS created_pick,
               MOD(HASH(hi.n * 10000 + lo.n + 1, 25), 86400) AS created_second,
               MOD(HASH(hi.n * 10000 + lo.n + 1, 43), 1000) AS created_ms,
               MOD(HASH(hi.n * 10000 + lo.n + 1, 26), 100) AS churn_pick,
               HASH(hi.n * 10000 + lo.n + 1, 27) AS gone_pick,
               MOD(HASH(hi.n * 10000 + lo.n + 1, 28), 86400) AS gone_second,
               MOD(HASH(hi.n * 10000 + lo.n + 1, 44), 1000) AS gone_ms,
               MOD(HASH(hi.n * 10000 + lo.n + 1, 29), :firstNames) AS first_pick,
               MOD(HASH(hi.n * 10000 + lo.n + 1, 30), :lastNames) AS last_pick1,
               MOD(HASH(hi.n * 10000 + lo.n + 1, 31), :lastNames) AS last_pick2
        FROM gen_numbers hi CROSS JOIN gen_numbers lo
        WHERE hi.n < :hiCount AND hi.n * 10000 + lo.n < :users
    ) s
    LEFT JOIN gen_names f ON f.id = 100 + s.first_pick
    LEFT JOIN gen_names l1 ON l1.id = 200 + s.last_pick1
    LEFT JOIN gen_names l2 ON l2.id = 200 + s.last_pick2
) v
;

-- name: user_dates
-- Fixed lifecycle of one special user: updated_at follows the later of the two dates.
UPDATE users
SET created_at = CAST(:createdAt AS DATETIME(3)),
    deactivated_at = CAST(:deactivatedAt AS DATETIME(3)),
    updated_at = CAST(:updatedAt AS DATETIME(3))
WHERE id = :id
;

-- name: user_channels
-- 1-4 distinct channels per user among the ten known-type channels (base + 0, 3, 6, 9 modulo 10
-- never repeats). Assigned shortly after the user was created, which for users created before
-- the range is before it; 15% of the enabled older users got the channel inside the range.
INSERT INTO user_channels (user_id, channel_id, assigned_at)
SELECT q.user_id,
       1 + MOD(q.base + q.j * 3, 10),
       TIMESTAMPADD(MICROSECOND, q.ms_pick * 1000, TIMESTAMPADD(SECOND, q.second_pick,
           CASE WHEN q.created_at < CAST(:start AS DATETIME(3)) AND q.deactivated_at IS NULL AND q.inside_pick < 15
                THEN TIMESTAMPADD(DAY, MOD(q.day_pick, :fullDays), CAST(:start AS DATETIME(3)))
                WHEN q.created_at < CAST(:start AS DATETIME(3))
                THEN TIMESTAMPADD(DAY, MOD(q.day_pick, 14), q.created_at)
                ELSE q.created_at
           END))
FROM (
    SELECT u.id AS user_id, u.created_at, u.deactivated_at, j.n AS j,
           MOD(HASH(u.id, 38), 10) AS base,
           MOD(HASH(u.id, 39), 4) AS extra,
           MOD(HASH(u.id * 10 + j.n, 40), 100) AS inside_pick,
           HASH(u.id * 10 + j.n, 41) AS day_pick,
           MOD(HASH(u.id * 10 + j.n, 42), 86400) AS second_pick,
           MOD(HASH(u.id * 10 + j.n, 45), 1000) AS ms_pick
    FROM users u CROSS JOIN gen_numbers j
    WHERE j.n < 4
) q
WHERE q.j <= q.extra
;

-- name: user_channels_odd
-- A few users also hold the unknown-type channel, and one holds a channel that does not exist.
INSERT INTO user_channels (user_id, channel_id, assigned_at)
SELECT u.id, :unknownTypeChannel, TIMESTAMPADD(DAY, 1, u.created_at)
FROM users u
WHERE MOD(u.id, 13) = 5
;
INSERT INTO user_channels (user_id, channel_id, assigned_at)
SELECT u.id, :missingChannel, TIMESTAMPADD(DAY, 2, u.created_at)
FROM users u
WHERE u.id = 2
;

-- name: user_sessions
-- 0-5 logins per user per week (2.5 on average), 06:00-17:00 in Bogota, while the user is
-- enabled. Ids follow the login time, as an auto-increment would. Sessions that would end after
-- the range, and a third of those started on its last day, are still open.
-- A candidate (user, week w, slot j) hashes as (user hash + w.rA + j.rB) mod p, which costs an
-- addition instead of a full hash per candidate; coprime moduli split each hash into choices.
INSERT INTO gen_users (id, h1, h2, h3)
SELECT u.id, HASH(u.id, 32), HASH(u.id, 33), HASH(u.id, 34)
FROM users u
;
INSERT INTO user_sessions (id, user_id, started_at, ended_at)
SELECT ROW_NUMBER() OVER (ORDER BY t.started_at, t.user_id, t.slot),
       t.user_id,
       t.started_at,
       CASE WHEN t.ended_at >= CAST(:end AS DATETIME(3)) OR (t.started_at >= CAST(:lastDay AS DATETIME(3)) AND MOD(t.hb, 101) < 33) THEN NULL
            ELSE t.ended_at END
FROM (
    SELECT q.user_id, q.slot, q.hb,
           TIMESTAMPADD(MICROSECOND, MOD(q.hb, 1000) * 1000, TIMESTAMPADD(SECOND, 39600 + MOD(q.ha, 39601),
               TIMESTAMPADD(DAY, q.week * 7 + MOD(q.ha, 7), CAST(:start AS DATETIME(3))))) AS started_at,
           TIMESTAMPADD(MICROSECOND, MOD(q.hb, 1000) * 1000, TIMESTAMPADD(SECOND, 40800 + MOD(q.ha, 39601) + MOD(q.hb, 32401),
               TIMESTAMPADD(DAY, q.week * 7 + MOD(q.ha, 7), CAST(:start AS DATETIME(3))))) AS ended_at,
           q.created_at, q.deactivated_at
    FROM (
        SELECT u.id AS user_id, u.created_at, u.deactivated_at,
               w.n AS week, w.n * 10 + j.n AS slot,
               MOD(g.h1 + w.r1 + j.r2, 2147483659) AS ha,
               MOD(g.h2 + w.r3 + j.r4, 2147483659) AS hb
        FROM users u
        JOIN gen_users g ON g.id = u.id
        JOIN gen_numbers w ON w.n < :weeks
        JOIN gen_numbers j ON j.n < MOD(g.h3 + w.r5, 6)
    ) q
) t
WHERE t.started_at >= t.created_at
  AND (t.deactivated_at IS NULL OR t.started_at < t.deactivated_at)
  AND t.started_at < CAST(:end AS DATETIME(3))
;

-- name: last_login
INSERT INTO gen_last_login (user_id, ts)
SELECT s.user_id, MAX(s.started_at)
FROM user_sessions s
GROUP BY s.user_id
;
-- updated_at is assigned first and reads only the stored row and the helper table: MySQL
-- evaluates SET left to right with the new values, H2 with the old ones.
UPDATE users
SET updated_at = CASE WHEN (SELECT g.ts FROM gen_last_login g WHERE g.user_id = users.id) > updated_at
                      THEN (SELECT g.ts FROM gen_last_login g WHERE g.user_id = users.id)
                      ELSE updated_at END,
    last_login_at = (SELECT g.ts FROM gen_last_login g WHERE g.user_id = users.id)
;

-- name: pool
-- Per week of the range, the users who can handle conversations (not administrators nor quality
-- analysts) and were enabled the whole week, numbered 0..size-1 so that an event row picks one
-- with MOD. Weekly rather than daily keeps the pool 7 times smaller. Runs after gen_blocks.
INSERT INTO gen_weeks (w, week_start, week_end)
SELECT g.n, TIMESTAMPADD(DAY, 7 * g.n, CAST(:start AS DATETIME(3))), TIMESTAMPADD(DAY, 7 * g.n + 7, CAST(:start AS DATETIME(3)))
FROM gen_numbers g
WHERE g.n < :weeks
;
INSERT INTO gen_pool (slot, user_id)
SELECT wk.w * 1000000 + ROW_NUMBER() OVER (PARTITION BY wk.w ORDER BY u.id) - 1, u.id
FROM gen_weeks wk
JOIN users u
  ON u.created_at < wk.week_start
 AND (u.deactivated_at IS NULL OR u.deactivated_at >= wk.week_end)
WHERE u.role_id IS NULL OR u.role_id NOT IN (1, 4)
;
UPDATE gen_weeks
SET pool_size = (SELECT COUNT(*) FROM gen_pool p WHERE p.slot >= gen_weeks.w * 1000000 AND p.slot < gen_weeks.w * 1000000 + 1000000)
;
UPDATE gen_blocks
SET day_start = TIMESTAMPADD(DAY, d, CAST(:start AS DATETIME(3))),
    pool_size = (SELECT wk.pool_size FROM gen_weeks wk WHERE wk.w = gen_blocks.w)
;

-- Event tables. Rows are made per chunk of days :dFrom..:dTo; row number n is id n + 1.
-- Within a day, a share of the rows is spread evenly over 00:00-11:00 UTC (night in Bogota) and
-- the rest over 11:00-24:00 UTC (06:00-19:00 in Bogota), each row at its own step plus a jitter
-- below the step: ids follow time as auto-increment ids do, and both indexes fill in order.
-- Per-row randomness costs most of the time on H2, so it is cheap here: the hash of row
-- hi * 10000 + lo is (hi.rA + lo.rB) mod p, two precomputed hashes of gen_numbers (each table
-- pairs different columns), and one hash feeds several choices through coprime moduli (100, 101,
-- 103, 107), whose residues are independent by the Chinese remainder theorem.

-- name: messages
-- 58% WhatsApp (in and out), 12% SMS (out, 1-3 segments), 10% email (mostly out), 20% web chat
-- and social; 10% have no user (bot or system).
INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)
SELECT x.n + 1,
       CASE WHEN MOD(x.h1, 100) < 28 THEN 1
            WHEN MOD(x.h1, 100) < 48 THEN 2
            WHEN MOD(x.h1, 100) < 58 THEN 3
            WHEN MOD(x.h1, 100) < 70 THEN 4
            WHEN MOD(x.h1, 100) < 80 THEN 5
            WHEN MOD(x.h1, 100) < 90 THEN 8
            WHEN MOD(x.h1, 100) < 95 THEN 9
            ELSE 10 END,
       CASE WHEN MOD(x.h2, 100) < 10 THEN NULL ELSE p.user_id END,
       CASE WHEN MOD(x.h1, 101) < CASE WHEN MOD(x.h1, 100) < 28 THEN 55
                                       WHEN MOD(x.h1, 100) < 48 THEN 65
                                       WHEN MOD(x.h1, 100) < 58 THEN 35
                                       WHEN MOD(x.h1, 100) < 70 THEN 0
                                       WHEN MOD(x.h1, 100) < 80 THEN 20
                                       ELSE 50 END
            THEN 'in' ELSE 'out' END,
       CASE WHEN MOD(x.h1, 100) < 58 OR MOD(x.h1, 100) >= 70 THEN 1
            WHEN MOD(x.h1, 103) < 72 THEN 1
            WHEN MOD(x.h1, 103) < 94 THEN 2
            ELSE 3 END,
       TIMESTAMPADD(MICROSECOND, 1000 * CASE
           WHEN x.n < x.split_n THEN (x.n - x.first_n) * x.night_step + MOD(x.h2, x.night_step)
           ELSE 39600000 + (x.n - x.split_n) * x.day_step + MOD(x.h2, x.day_step) END, x.day_start)
FROM (
    SELECT hi.n * 10000 + lo.n AS n, b.w, b.day_start, b.pool_size,
           b.first_n, b.split_n, b.night_step, b.day_step,
               MOD(hi.r1 + lo.r2, 2147483659) AS h1,
               MOD(hi.r3 + lo.r4, 2147483659) AS h2,
               MOD(hi.r5 + lo.r6, 2147483659) AS h3
        FROM gen_blocks b
        JOIN gen_numbers hi ON hi.n BETWEEN b.hi_from AND b.hi_to
        JOIN gen_numbers lo ON lo.n BETWEEN CASE WHEN hi.n = b.hi_from THEN b.lo_from ELSE 0 END
                                        AND CASE WHEN hi.n = b.hi_to THEN b.lo_to ELSE 9999 END
        WHERE b.event_table = 'messages' AND b.d BETWEEN :dFrom AND :dTo
) x
LEFT JOIN gen_pool p ON p.slot = x.w * 1000000 + MOD(x.h3, x.pool_size)
;

-- name: calls
-- Voice (80%) and video calls; 20% unanswered (0 s), most answered ones under 5 minutes.
INSERT INTO calls (id, channel_id, user_id, direction, started_at, duration_seconds)
SELECT x.n + 1,
       CASE WHEN MOD(x.h1, 100) < 80 THEN 6 ELSE 7 END,
       CASE WHEN MOD(x.h2, 100) < 12 THEN NULL ELSE p.user_id END,
       CASE WHEN MOD(x.h1, 101) < 60 THEN 'in' ELSE 'out' END,
       TIMESTAMPADD(MICROSECOND, 1000 * CASE
           WHEN x.n < x.split_n THEN (x.n - x.first_n) * x.night_step + MOD(x.h2, x.night_step)
           ELSE 39600000 + (x.n - x.split_n) * x.day_step + MOD(x.h2, x.day_step) END, x.day_start),
       CASE WHEN MOD(x.h1, 103) < 20 THEN 0
            WHEN MOD(x.h1, 107) < 70 THEN 1 + MOD(x.h4, 300)
            ELSE 1 + MOD(x.h4, 1800) END
FROM (
    SELECT hi.n * 10000 + lo.n AS n, b.w, b.day_start, b.pool_size,
           b.first_n, b.split_n, b.night_step, b.day_step,
               MOD(hi.r2 + lo.r3, 2147483659) AS h1,
               MOD(hi.r4 + lo.r5, 2147483659) AS h2,
               MOD(hi.r6 + lo.r7, 2147483659) AS h3,
               MOD(hi.r8 + lo.r1, 2147483659) AS h4
        FROM gen_blocks b
        JOIN gen_numbers hi ON hi.n BETWEEN b.hi_from AND b.hi_to
        JOIN gen_numbers lo ON lo.n BETWEEN CASE WHEN hi.n = b.hi_from THEN b.lo_from ELSE 0 END
                                        AND CASE WHEN hi.n = b.hi_to THEN b.lo_to ELSE 9999 END
        WHERE b.event_table = 'calls' AND b.d BETWEEN :dFrom AND :dTo
) x
LEFT JOIN gen_pool p ON p.slot = x.w * 1000000 + MOD(x.h3, x.pool_size)
;

-- name: bot_sessions
-- Bots answer around the clock on WhatsApp, web chat and social channels; 30% hand over.
INSERT INTO bot_sessions (id, channel_id, started_at, messages, handed_to_agent)
SELECT x.n + 1,
       CASE WHEN MOD(x.h1, 100) < 35 THEN 1
            WHEN MOD(x.h1, 100) < 60 THEN 2
            WHEN MOD(x.h1, 100) < 75 THEN 3
            WHEN MOD(x.h1, 100) < 90 THEN 8
            WHEN MOD(x.h1, 100) < 95 THEN 9
            ELSE 10 END,
       TIMESTAMPADD(MICROSECOND, 1000 * CASE
           WHEN x.n < x.split_n THEN (x.n - x.first_n) * x.night_step + MOD(x.h2, x.night_step)
           ELSE 39600000 + (x.n - x.split_n) * x.day_step + MOD(x.h2, x.day_step) END, x.day_start),
       CASE WHEN MOD(x.h1, 101) < 20 THEN 1 + MOD(x.h3, 40) ELSE 1 + MOD(x.h3, 12) END,
       CASE WHEN MOD(x.h1, 103) < 30 THEN 1 ELSE 0 END
FROM (
    SELECT hi.n * 10000 + lo.n AS n, b.day_start,
           b.first_n, b.split_n, b.night_step, b.day_step,
               MOD(hi.r7 + lo.r8, 2147483659) AS h1,
               MOD(hi.r2 + lo.r5, 2147483659) AS h2,
               MOD(hi.r3 + lo.r6, 2147483659) AS h3
        FROM gen_blocks b
        JOIN gen_numbers hi ON hi.n BETWEEN b.hi_from AND b.hi_to
        JOIN gen_numbers lo ON lo.n BETWEEN CASE WHEN hi.n = b.hi_from THEN b.lo_from ELSE 0 END
                                        AND CASE WHEN hi.n = b.hi_to THEN b.lo_to ELSE 9999 END
        WHERE b.event_table = 'bot_sessions' AND b.d BETWEEN :dFrom AND :dTo
) x
;

-- Invalid rows. Each block inserts :count rows with ids from :firstId; every row is invalid and
-- its FIRST reason in the rules' order is the one in the block name. Some rows carry a later
-- reason too (noted per block), to check that a row is counted once, under the first reason.
-- Users 4-9 are enabled agents, so that a wrongly counted row would show in their figures.

-- name: invalid_messages_unknown_channel
-- Row 0 also has direction 'IN'; row 2 is also after the end.
INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)
SELECT :firstId + v.n,
       :missingChannel,
       4 + MOD(v.n, 6),
       CASE WHEN v.n = 0 THEN 'IN' WHEN MOD(v.n, 2) = 0 THEN 'in' ELSE 'out' END,
       1,
       CASE WHEN v.n = 2 THEN AFTER_END(v.k) ELSE IN_RANGE(v.k) END
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_messages_unknown_channel_type
-- Row 0 also has direction 'x'; row 1 is also after the end.
INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)
SELECT :firstId + v.n,
       :unknownTypeChannel,
       4 + MOD(v.n, 6),
       CASE WHEN v.n = 0 THEN 'x' WHEN MOD(v.n, 2) = 0 THEN 'in' ELSE 'out' END,
       1,
       CASE WHEN v.n = 1 THEN AFTER_END(v.k) ELSE IN_RANGE(v.k) END
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_messages_bad_direction
-- Directions 'IN', 'Out', 'in ' (trailing space) and 'x' in turn; rows 0-2 are SMS, row 0 also
-- with 0 segments; row 3 is also after the end.
INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)
SELECT :firstId + v.n,
       CASE WHEN v.n < 3 THEN 4 WHEN v.n < 9 THEN 1 + MOD(v.n, 3) ELSE 8 END,
       4 + MOD(v.n, 6),
       CASE MOD(v.n, 4) WHEN 0 THEN 'IN' WHEN 1 THEN 'Out' WHEN 2 THEN 'in ' ELSE 'x' END,
       CASE WHEN v.n = 0 THEN 0 ELSE 1 END,
       CASE WHEN v.n = 3 THEN AFTER_END(v.k) ELSE IN_RANGE(v.k) END
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_messages_bad_segments
-- SMS with 0 or -1 segments, one of them inbound; row 0 is also after the end.
INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)
SELECT :firstId + v.n,
       4,
       4 + MOD(v.n, 6),
       CASE WHEN v.n = 1 THEN 'in' ELSE 'out' END,
       CASE WHEN MOD(v.n, 2) = 0 THEN 0 ELSE -1 END,
       CASE WHEN v.n = 0 THEN AFTER_END(v.k) ELSE IN_RANGE(v.k) END
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_messages_future_timestamp
-- Otherwise valid: an outbound 2-segment SMS, an inbound email, WhatsApp in and out, one without user.
INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)
SELECT :firstId + v.n,
       CASE WHEN v.n = 0 THEN 4 WHEN v.n = 1 THEN 5 ELSE 1 + MOD(v.n, 3) END,
       CASE WHEN v.n = 2 THEN NULL ELSE 4 + MOD(v.n, 6) END,
       CASE WHEN MOD(v.n, 2) = 0 THEN 'out' ELSE 'in' END,
       CASE WHEN v.n = 0 THEN 2 ELSE 1 END,
       AFTER_END(v.k)
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_calls_unknown_channel
-- Row 0 also has a negative duration.
INSERT INTO calls (id, channel_id, user_id, direction, started_at, duration_seconds)
SELECT :firstId + v.n,
       :missingChannel,
       4 + MOD(v.n, 6),
       CASE WHEN MOD(v.n, 2) = 0 THEN 'in' ELSE 'out' END,
       IN_RANGE(v.k),
       CASE WHEN v.n = 0 THEN -5 ELSE 30 + MOD(HASH(v.k, 92), 600) END
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_calls_unknown_channel_type
-- Row 0 also has direction 'Out'.
INSERT INTO calls (id, channel_id, user_id, direction, started_at, duration_seconds)
SELECT :firstId + v.n,
       :unknownTypeChannel,
       4 + MOD(v.n, 6),
       CASE WHEN v.n = 0 THEN 'Out' WHEN MOD(v.n, 2) = 0 THEN 'in' ELSE 'out' END,
       IN_RANGE(v.k),
       1 + MOD(HASH(v.k, 92), 900)
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_calls_bad_direction
-- Voice and video in turn; row 0 also lasts -1 s; row 1 is also after the end.
INSERT INTO calls (id, channel_id, user_id, direction, started_at, duration_seconds)
SELECT :firstId + v.n,
       CASE WHEN MOD(v.n, 2) = 0 THEN 6 ELSE 7 END,
       4 + MOD(v.n, 6),
       CASE MOD(v.n, 4) WHEN 0 THEN 'IN' WHEN 1 THEN 'Out' WHEN 2 THEN 'in ' ELSE 'x' END,
       CASE WHEN v.n = 1 THEN AFTER_END(v.k) ELSE IN_RANGE(v.k) END,
       CASE WHEN v.n = 0 THEN -1 ELSE 1 + MOD(HASH(v.k, 92), 900) END
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_calls_negative_duration
-- Row 0 is also after the end.
INSERT INTO calls (id, channel_id, user_id, direction, started_at, duration_seconds)
SELECT :firstId + v.n,
       CASE WHEN MOD(v.n, 2) = 0 THEN 6 ELSE 7 END,
       4 + MOD(v.n, 6),
       CASE WHEN MOD(v.n, 3) = 0 THEN 'out' ELSE 'in' END,
       CASE WHEN v.n = 0 THEN AFTER_END(v.k) ELSE IN_RANGE(v.k) END,
       -1 - MOD(HASH(v.k, 92), 600)
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_calls_future_timestamp
-- Otherwise valid; row 0 unanswered.
INSERT INTO calls (id, channel_id, user_id, direction, started_at, duration_seconds)
SELECT :firstId + v.n,
       CASE WHEN MOD(v.n, 2) = 0 THEN 6 ELSE 7 END,
       4 + MOD(v.n, 6),
       CASE WHEN MOD(v.n, 2) = 0 THEN 'in' ELSE 'out' END,
       AFTER_END(v.k),
       CASE WHEN v.n = 0 THEN 0 ELSE 1 + MOD(HASH(v.k, 92), 900) END
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_bot_sessions_unknown_channel
-- Row 0 is also after the end.
INSERT INTO bot_sessions (id, channel_id, started_at, messages, handed_to_agent)
SELECT :firstId + v.n,
       :missingChannel,
       CASE WHEN v.n = 0 THEN AFTER_END(v.k) ELSE IN_RANGE(v.k) END,
       1 + MOD(HASH(v.k, 92), 12),
       MOD(v.n, 2)
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_bot_sessions_unknown_channel_type
INSERT INTO bot_sessions (id, channel_id, started_at, messages, handed_to_agent)
SELECT :firstId + v.n,
       :unknownTypeChannel,
       IN_RANGE(v.k),
       1 + MOD(HASH(v.k, 92), 12),
       MOD(v.n, 2)
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;

-- name: invalid_bot_sessions_future_timestamp
INSERT INTO bot_sessions (id, channel_id, started_at, messages, handed_to_agent)
SELECT :firstId + v.n,
       CASE WHEN MOD(v.n, 2) = 0 THEN 1 ELSE 8 END,
       AFTER_END(v.k),
       1 + MOD(HASH(v.k, 92), 12),
       MOD(v.n, 2)
FROM (SELECT g.n, g.n + :keyBase AS k FROM gen_numbers g WHERE g.n < :count) v
;
