SELECT id, type, name, address FROM channels
