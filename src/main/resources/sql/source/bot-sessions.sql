SELECT local_day, channel_id, future, COUNT(*) AS n_rows
FROM (
  SELECT ${localDay(b.started_at)} AS local_day,
         b.channel_id,
         CASE WHEN b.started_at > :asOf THEN 1 ELSE 0 END AS future
  FROM bot_sessions b
  WHERE b.started_at >= :fromUtc AND b.started_at < :toUtc
) t
GROUP BY local_day, channel_id, future
${orderByNull}
