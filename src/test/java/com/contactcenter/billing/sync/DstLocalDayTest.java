package com.contactcenter.billing.sync;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SantiagoDst;
import com.contactcenter.billing.support.SourceDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Rows 1 ms around the 2026 DST changes of America/Santiago land on their local day, on H2. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_dst;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + SantiagoDst.AS_OF,
            "billing.sources[0].name=santiago",
            "billing.sources[0].url=jdbc:h2:mem:santiago_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Santiago",
            "logging.level.com.contactcenter.billing=WARN"
        })
@Import(FixedClock.class)
class DstLocalDayTest {

    @Autowired
    JobRunner sync;

    @Autowired
    SnapshotService snapshots;

    @Test
    void rowsAroundDstChangesLandOnTheirLocalDayAndTheDstDaysHoldExactlyTheirRows() {
        // given
        SourceDatabases.loadH2Script("santiago_src", SantiagoDst.sql());

        // when / then
        SantiagoDst.assertEveryRowLandsOnItsLocalDay(sync, snapshots, "santiago");
    }
}
