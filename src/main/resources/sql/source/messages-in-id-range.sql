SELECT created_at, channel_id, user_id, direction, segments
FROM messages
WHERE created_at >= :fromUtc AND created_at < :toUtc
  AND id BETWEEN :minId AND :maxId
