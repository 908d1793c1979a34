package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.batch.core.job.Job;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

/** What a command starts (only what it uses) and what {@code serve} starts (everything). */
class CommandContextTest {

    @Test
    void aCommandStartsNoWebServerNoSecurityFilterChainAndNoScheduleButItsBatchJobs(@TempDir Path dir)
            throws Exception {
        try (ConfigurableApplicationContext context = Cli.start(new CliRun(dir).with())) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
            assertThat(context.getBeanNamesForType(Scheduler.class)).isEmpty();
            assertThat(beanClasses(context))
                    .noneMatch(name -> name.startsWith("com.contactcenter.billing.web."))
                    .noneMatch(name -> name.startsWith("org.springdoc."))
                    .noneMatch(name -> name.startsWith("org.thymeleaf."))
                    .doesNotContain("com.contactcenter.billing.schedule.ScheduleRegistrar");
            assertThat(context.getBeansOfType(Job.class)).containsOnlyKeys("usageSyncJob", "snapshotJob");
        }
    }

    @Test
    void serveStartsTheWebServerTheSecurityFilterChainAndTheSchedule(@TempDir Path dir) throws Exception {
        try (ConfigurableApplicationContext context =
                Cli.startService(new CliRun(dir).with("--server.port=0"), () -> {})) {
            assertThat(context).isInstanceOf(WebServerApplicationContext.class);
            assertThat(((WebServerApplicationContext) context).getWebServer().getPort())
                    .isPositive();
            assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isNotEmpty();
            assertThat(context.getBean(Scheduler.class).isStarted()).isTrue();
            assertThat(beanClasses(context))
                    .contains(
                            "com.contactcenter.billing.schedule.ScheduleRegistrar",
                            "com.contactcenter.billing.web.DashboardApi");
        }
    }

    @Test
    void serveDoesNotStartWithAnAccountWhoseTenantIsNoSource(@TempDir Path dir) {
        String[] args = new CliRun(dir)
                .with(
                        "--server.port=0",
                        "--billing.security.accounts[0].name=globex-admin",
                        "--billing.security.accounts[0].role=admin",
                        "--billing.security.accounts[0].tenants[0]=globex");

        assertThatThrownBy(() -> Cli.startService(args, () -> {}))
                .rootCause()
                .hasMessage("billing.security.accounts 'globex-admin' has the tenant 'globex', which is not a source in"
                        + " billing.sources (or '*')");
    }

    private static List<String> beanClasses(ConfigurableApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .map(name -> context.getBeanFactory().getBeanDefinition(name).getBeanClassName())
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
