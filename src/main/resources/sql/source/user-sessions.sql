SELECT local_day, user_id, COUNT(*) AS n_rows
FROM (
  SELECT ${localDay(s.started_at)} AS local_day, s.user_id
  FROM user_sessions s
  WHERE s.started_at >= :fromUtc AND s.started_at < :toUtc
) t
GROUP BY local_day, user_id
${orderByNull}
