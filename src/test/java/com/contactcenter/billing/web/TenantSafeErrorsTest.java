package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What a tenant's account reads of a job's error: the source's own answer as it is, anything of the
 * warehouse or the code replaced by one sentence in the configured language.
 */
class TenantSafeErrorsTest {

    private static JobsController controller(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/dashboard");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new JobsController(null, null, null, null, new DashboardTexts(messages, locale), null);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "source 'acme': cannot connect to db.acme.internal:3306 (Connection refused)|true",
                "source 'acme': Too many connections|true",
                "source 'acme': PreparedStatementCallback; SQL [UPDATE wh_user SET full_name = ?]; Data too long|false",
                "source 'acme': Duplicate entry '2026-10-01' for key 'fact_service_day.PRIMARY'|false",
                "source 'acme': Lock wait timeout on sync_day|false",
                "source 'acme': Table 'BATCH_JOB_EXECUTION' doesn't exist|false",
                "source 'acme': QRTZ_TRIGGERS is locked|false",
                "source 'acme': no snapshot table|false",
                "source 'acme': java.lang.IllegalStateException: boom|false",
                "Data too long for column 'full_name' at row 1|false",
                "the job failed|false",
            })
    void onlyAnErrorAboutItsSourceIsShownAsItIs(String error, boolean shown) {
        assertThat(JobsController.isAboutTheSource(error)).isEqualTo(shown);
        assertThat(controller(Locale.forLanguageTag("es")).tenantSafe(error))
                .isEqualTo(
                        shown ? error : "la tarea falló en la plataforma; el equipo de la plataforma tiene el detalle");
    }

    @ParameterizedTest
    @CsvSource({
        "es,la tarea falló en la plataforma; el equipo de la plataforma tiene el detalle",
        "en,the job failed on the platform's side; platform staff have the details"
    })
    void theReplacementSpeaksTheConfiguredLanguage(String language, String expected) {
        JobsController controller = controller(Locale.forLanguageTag(language));
        assertThat(controller.tenantSafe("SQL [DELETE FROM fact_user_day]")).isEqualTo(expected);
        assertThat(controller.tenantSafe(null)).isNull();
    }
}
