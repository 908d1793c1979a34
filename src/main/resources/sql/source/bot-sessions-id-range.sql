SELECT MIN(id), MAX(id)
FROM bot_sessions
WHERE started_at >= :fromUtc AND started_at < :toUtc
