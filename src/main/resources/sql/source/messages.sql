SELECT local_day, channel_id, user_id, direction, bad_segments, future, COUNT(*) AS n_rows, SUM(segments) AS units
FROM (
  SELECT ${localDay(m.created_at)} AS local_day,
         m.channel_id,
         m.user_id,
         ${exact(m.direction)} AS direction,
         CASE WHEN m.segments < 1 THEN 1 ELSE 0 END AS bad_segments,
         CASE WHEN m.created_at > :asOf THEN 1 ELSE 0 END AS future,
         m.segments
  FROM messages m
  WHERE m.created_at >= :fromUtc AND m.created_at < :toUtc
) t
GROUP BY local_day, channel_id, user_id, direction, bad_segments, future
${orderByNull}
