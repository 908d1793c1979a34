SELECT MIN(id), MAX(id)
FROM user_sessions
WHERE started_at >= :fromUtc AND started_at < :toUtc
