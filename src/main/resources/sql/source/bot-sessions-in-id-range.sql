SELECT started_at, channel_id
FROM bot_sessions
WHERE started_at >= :fromUtc AND started_at < :toUtc
  AND id BETWEEN :minId AND :maxId
