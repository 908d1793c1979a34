package com.contactcenter.billing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactcenter.billing.source.SourceRegistry.SkippedRow;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The directory's optional {@code plan} column: a known plan is the tenant's, an unknown one skips the row. */
class DirectoryPlanTest {

    private static final DirectoryProperties DIRECTORY =
            new DirectoryProperties("jdbc:h2:mem:ctl", null, null, null, "billing_ro", "pw", null, null);
    private static final String URL = "jdbc:h2:mem:t";
    private static final Set<String> PLANS = new TreeSet<>(Set.of("default", "pro"));

    @Test
    void aRowsPlanIsTheTenantsAndABlankOneIsTheDefaultPlan() {
        // given
        List<TenantDirectory.Row> rows = List.of(
                new TenantDirectory.Row(1, "alpha", URL, "America/Bogota", null, true, "pro"),
                new TenantDirectory.Row(2, "beta", URL, "America/Bogota", null, true, " "),
                new TenantDirectory.Row(3, "gamma", URL, "America/Bogota", null, true, null));

        // when
        DirectoryRows.Accepted accepted = DirectoryRows.accept(rows, List.of(), DIRECTORY, PLANS);

        // then
        assertThat(accepted.sources())
                .extracting(SourceProperties::name, SourceProperties::plan)
                .containsExactly(tuple("alpha", "pro"), tuple("beta", null), tuple("gamma", null));
        assertThat(accepted.skipped()).isEmpty();
    }

    @Test
    void aRowWithAnUnknownPlanIsSkippedWithItsReasonAndTheOthersStay() {
        // given
        List<TenantDirectory.Row> rows = List.of(
                new TenantDirectory.Row(1, "alpha", URL, "America/Bogota", null, true, "gold"),
                new TenantDirectory.Row(2, "beta", URL, "America/Bogota", null, true, "pro"));

        // when
        DirectoryRows.Accepted accepted = DirectoryRows.accept(rows, List.of(), DIRECTORY, PLANS);

        // then
        assertThat(accepted.sources()).extracting(SourceProperties::name).containsExactly("beta");
        assertThat(accepted.skipped())
                .containsExactly(new SkippedRow(
                        1, "alpha", "plan 'gold' is not in billing.pricing.plans (plans: default, pro)"));
    }
}
