SELECT started_at, user_id
FROM user_sessions
WHERE started_at >= :fromUtc AND started_at < :toUtc
  AND id BETWEEN :minId AND :maxId
