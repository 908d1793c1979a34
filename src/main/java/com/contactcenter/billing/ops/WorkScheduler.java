package com.contactcenter.billing.ops;

import com.contactcenter.billing.sync.SyncProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.stereotype.Component;

/**
 * The cluster that runs tenants' jobs: a second Quartz scheduler, {@code billing-work}, on the
 * same clustered JDBC store in the warehouse as the schedule's. Every node that takes part (each
 * {@code serve}, and a CLI {@code sync} while it runs) runs up to {@code billing.sync.concurrency}
 * tenant jobs at once; a node that dies is noticed by the others' cluster check-in, which re-fire
 * the tenant jobs it was running ({@code requestsRecovery}). It is apart from the schedule's
 * scheduler so that a CLI process helps with tenant jobs without ever firing a nightly trigger.
 * Started on first use.
 */
@Component
public class WorkScheduler implements DisposableBean {

    public static final String NAME = "billing-work";

    /** How often a node checks in (Quartz's default); a node silent for this plus 7.5 s is taken for dead. */
    static final long CHECKIN_INTERVAL_MS = 7_500;

    private static final Logger log = LoggerFactory.getLogger(WorkScheduler.class);

    private final DataSource dataSource;
    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final int threads;
    private volatile SchedulerFactoryBean factory;
    private volatile Scheduler scheduler;

    WorkScheduler(DataSource dataSource, ApplicationContext context, JdbcTemplate jdbc, SyncProperties settings) {
        this.dataSource = dataSource;
        this.context = context;
        this.jdbc = jdbc;
        this.threads = settings.concurrency();
    }

    /** The scheduler, started (this node now runs tenant jobs). */
    public synchronized Scheduler started() {
        if (scheduler == null) {
            SchedulerFactoryBean bean = new SchedulerFactoryBean();
            bean.setSchedulerName(NAME);
            SpringBeanJobFactory jobs = new SpringBeanJobFactory();
            jobs.setApplicationContext(context);
            bean.setJobFactory(jobs);
            bean.setQuartzProperties(properties());
            bean.setAutoStartup(false);
            bean.setWaitForJobsToCompleteOnShutdown(true);
            try {
                bean.afterPropertiesSet();
                Scheduler s = bean.getObject();
                s.start();
                factory = bean;
                scheduler = s;
                log.info(
                        "this node runs tenant jobs: {} at once (Quartz instance {})",
                        threads,
                        s.getSchedulerInstanceId());
            } catch (Exception e) {
                throw new IllegalStateException("could not start the tenant job scheduler: " + e.getMessage(), e);
            }
        }
        return scheduler;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(threads));
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "tenant-job");
        // Quartz's own transactions, on connections from the warehouse pool, registered under a
        // name of this application's own: Spring's LocalDataSourceJobStore registers its pool
        // under the scheduler's name, JVM-wide, so two applications in one JVM (tests, two nodes
        // in one process) would share whichever pool registered last
        String pool = NAME + "-" + java.util.UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(pool, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the pool is the application's, closed with it
            }

            @Override
            public void initialize() {
                // nothing to set up
            }
        });
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.dataSource", pool);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(CHECKIN_INTERVAL_MS));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // host, process id and start time: unique per process, and a dead process is never mistaken for a new one
        p.setProperty("org.quartz.scheduler.instanceId", Node.NAME + ":" + System.currentTimeMillis());
        return p;
    }

    /** This node's Quartz instance id, when it runs tenant jobs. */
    public Optional<String> instanceId() {
        Scheduler s = scheduler;
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(s.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** Whether a Quartz instance of this cluster still checks in. */
    boolean checkedIn(String instanceId) {
        return jdbc.query(
                "SELECT LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE"
                        + " WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?",
                rs -> {
                    if (!rs.next()) {
                        return false;
                    }
                    long last = rs.getLong(1);
                    long interval = rs.getLong(2);
                    return last + interval + 7_500 >= System.currentTimeMillis();
                },
                NAME,
                instanceId);
    }

    /** The nodes that check in now. */
    public java.util.List<String> nodes() {
        return jdbc.queryForList(
                "SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?" + " ORDER BY INSTANCE_NAME",
                String.class,
                NAME);
    }

    @Override
    public void destroy() {
        SchedulerFactoryBean bean = factory;
        if (bean != null) {
            try {
                bean.destroy();
            } catch (SchedulerException e) {
                log.warn("could not stop the tenant job scheduler: {}", e.getMessage());
            }
        }
    }
}
