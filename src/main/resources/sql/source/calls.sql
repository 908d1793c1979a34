SELECT local_day, channel_id, user_id, direction, duration_sign, future, COUNT(*) AS n_rows, SUM(minutes) AS units
FROM (
  SELECT ${localDay(c.started_at)} AS local_day,
         c.channel_id,
         c.user_id,
         ${exact(c.direction)} AS direction,
         CASE WHEN c.duration_seconds < 0 THEN -1 WHEN c.duration_seconds = 0 THEN 0 ELSE 1 END AS duration_sign,
         CASE WHEN c.started_at > :asOf THEN 1 ELSE 0 END AS future,
         CASE WHEN c.duration_seconds > 0 THEN CEILING(c.duration_seconds / 60.0) ELSE 0 END AS minutes
  FROM calls c
  WHERE c.started_at >= :fromUtc AND c.started_at < :toUtc
) t
GROUP BY local_day, channel_id, user_id, direction, duration_sign, future
${orderByNull}
