package com.contactcenter.billing.warehouse;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the writes that reach the database through a data source, per statement and table (for
 * example {@code "UPDATE wh_user" -> 3}): one per executed statement or batched parameter set. It
 * watches JDBC itself, so it sees every write whatever the code under test claims.
 */
final class WriteLog {

    private static final Pattern WRITE =
            Pattern.compile("^\\s*(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    /** A bulk load: counted as one insert per row the warehouse took. */
    private static final Pattern LOAD = Pattern.compile(
            "^\\s*LOAD\\s+DATA\\s+LOCAL\\s+INFILE\\s+'[^']*'\\s+INTO\\s+TABLE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private static final Class<?>[] CONNECTION = {Connection.class};

    private final Map<String, Long> counts = new TreeMap<>();

    /** {@code dataSource}, each of its connections watched. */
    DataSource watch(DataSource dataSource) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return connection(super.getConnection());
            }
        };
    }

    /** The writes counted since the last call, and a fresh count. */
    synchronized Map<String, Long> take() {
        Map<String, Long> taken = new TreeMap<>(counts);
        counts.clear();
        return taken;
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), CONNECTION, (proxy, method, args) -> {
            if (method.getName().equals("equals")) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            Object result = call(target, method, args);
            if (result instanceof PreparedStatement statement
                    && method.getName().startsWith("prepare")) {
                return watched(statement, PreparedStatement.class, (String) args[0]);
            }
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return watched(statement, Statement.class, null);
            }
            return result;
        });
    }

    /** Counts {@code executeUpdate}, {@code execute} and {@code addBatch}, of the prepared SQL or the SQL given. */
    private <S extends Statement> S watched(S target, Class<S> type, String prepared) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            Matcher load = args != null && args.length > 0 && args[0] instanceof String sql ? LOAD.matcher(sql) : null;
            if (load != null && load.find()) {
                Object rows = call(target, method, args);
                countRows("INSERT " + load.group(1).toLowerCase(), ((Number) rows).longValue());
                return rows;
            }
            if (name.equals("executeUpdate")
                    || name.equals("execute")
                    || name.equals("executeLargeUpdate")
                    || name.equals("addBatch")) {
                count(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared);
            }
            return call(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private synchronized void count(String sql) {
        Matcher write = sql == null ? null : WRITE.matcher(sql);
        if (write != null && write.find()) {
            String verb = write.group(1).toUpperCase().split("\\s+")[0];
            counts.merge(verb + " " + write.group(2).toLowerCase(), 1L, Long::sum);
        }
    }

    private synchronized void countRows(String write, long rows) {
        counts.merge(write, rows, Long::sum);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
