SELECT id, name FROM roles
