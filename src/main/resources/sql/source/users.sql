SELECT id, full_name, email, role_id, created_at, deactivated_at, last_login_at FROM users
