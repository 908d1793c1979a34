SELECT user_id, channel_id, assigned_at FROM user_channels
