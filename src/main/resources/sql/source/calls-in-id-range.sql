SELECT started_at, channel_id, user_id, direction, duration_seconds
FROM calls
WHERE started_at >= :fromUtc AND started_at < :toUtc
  AND id BETWEEN :minId AND :maxId
