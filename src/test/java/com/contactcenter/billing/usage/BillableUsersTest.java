package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Billable = created_at &lt; period_end AND (deactivated_at IS NULL OR deactivated_at &gt;= period_start). */
class BillableUsersTest {

    /** [2026-10-01T05:00:00Z, 2026-11-01T05:00:00Z) */
    private static final Period OCTOBER_IN_BOGOTA =
            new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), ZoneId.of("America/Bogota"));

    @ParameterizedTest(name = "{3}")
    @CsvSource({
        "2026-11-01T05:00:00Z,     ,                         false, created exactly at the period end",
        "2026-11-01T04:59:59.999Z, ,                         true,  created one ms before the period end",
        "2026-09-01T00:00:00Z,     2026-10-01T05:00:00Z,     true,  deactivated exactly at the period start",
        "2026-09-01T00:00:00Z,     2026-10-01T04:59:59.999Z, false, deactivated one ms before the period start",
        "2026-09-01T00:00:00Z,     2026-10-15T12:00:00Z,     true,  deactivated mid-period",
        "2026-10-15T12:00:00Z,     ,                         true,  created mid-period",
        "2026-10-10T00:00:00Z,     2026-10-20T00:00:00Z,     true,  created and deactivated inside the period",
        "2026-10-10T00:00:00Z,     2026-10-10T00:00:00Z,     true,  deactivated at the instant it was created",
        "2026-11-02T00:00:00Z,     ,                         false, created after the period",
        "2026-01-01T00:00:00Z,     2026-12-01T00:00:00Z,     true,  deactivated after the period",
        "2026-01-01T00:00:00Z,     ,                         true,  never deactivated",
        "2026-01-01T00:00:00Z,     2026-09-30T00:00:00Z,     false, deactivated before the period",
        "2026-10-10T00:00:00Z,     2026-10-09T23:59:59.999Z, false, deactivated before created inside the period",
        "2026-09-01T00:00:00Z,     2026-08-01T00:00:00Z,     false, deactivated before created before the period",
        "2026-12-01T00:00:00Z,     2026-11-15T00:00:00Z,     false, deactivated before created after the period",
        "2026-09-20T00:00:00Z,     2026-09-10T00:00:00Z,     false, deactivated before created spanning nothing",
    })
    void decidesWhetherAUserWasEnabledAtSomeInstantOfThePeriod(
            Instant createdAt, Instant deactivatedAt, boolean expectedBillable, String situation) {
        // given
        UserRecord user = user(createdAt, deactivatedAt);

        // when
        boolean billable = user.billableIn(OCTOBER_IN_BOGOTA);

        // then
        assertThat(billable).as(situation).isEqualTo(expectedBillable);
        assertThat(user.billableIn(OCTOBER_IN_BOGOTA.startUtc(), OCTOBER_IN_BOGOTA.endUtc()))
                .isEqualTo(expectedBillable);
    }

    @Test
    void countsAUserDeactivatedMidPeriodAsBillable() {
        // given
        UserRecord user = user(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-10-15T12:00:00Z"));

        // when
        boolean billable = user.billableIn(OCTOBER_IN_BOGOTA);

        // then
        assertThat(billable).isTrue();
    }

    @ParameterizedTest(name = "created {0}, deactivated {1} -> {2}")
    @CsvSource({
        "2026-10-10T00:00:00Z, ,                         false",
        "2026-10-10T00:00:00Z, 2026-10-10T00:00:00Z,     false",
        "2026-10-10T00:00:00Z, 2026-10-10T00:00:00.001Z, false",
        "2026-10-10T00:00:00Z, 2026-10-09T23:59:59.999Z, true",
    })
    void flagsOnlyADeactivationStrictlyBeforeTheCreation(Instant createdAt, Instant deactivatedAt, boolean expected) {
        assertThat(user(createdAt, deactivatedAt).deactivatedBeforeCreated()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "role id {0} -> {1}")
    @CsvSource({
        "1,  Agente,     true",
        "2,  Supervisor, true",
        ",   Sin rol,    false",
        "99, Sin rol,    false",
    })
    void namesANullOrAbsentRoleSinRol(Integer roleId, String expectedName, boolean expectedKnown) {
        // given
        Roles roles = new Roles(Map.of(1, "Agente", 2, "Supervisor"));

        // then
        assertThat(roles.nameOf(roleId)).isEqualTo(expectedName);
        assertThat(roles.isKnown(roleId)).isEqualTo(expectedKnown);
    }

    private static UserRecord user(Instant createdAt, Instant deactivatedAt) {
        return new UserRecord(7, "Ana", "ana@example.com", 1, createdAt, deactivatedAt, null);
    }
}
