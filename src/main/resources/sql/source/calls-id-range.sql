SELECT MIN(id), MAX(id)
FROM calls
WHERE started_at >= :fromUtc AND started_at < :toUtc
