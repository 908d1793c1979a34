SELECT MIN(id), MAX(id)
FROM messages
WHERE created_at >= :fromUtc AND created_at < :toUtc
