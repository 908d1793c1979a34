package com.contactcenter.billing.usage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The billing rules are plain Java: no Spring, no JDBC, no files, no report libraries, no hidden clock. */
@AnalyzeClasses(packages = "com.contactcenter.billing.usage", importOptions = ImportOption.DoNotIncludeTests.class)
class UsageRulesArchitectureTest {

    private static final String USAGE = "com.contactcenter.billing.usage..";

    @ArchTest
    static final ArchRule usageRulesDependOnNoFrameworkJdbcIoOrReportLibrary = noClasses()
            .that()
            .resideInAPackage(USAGE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "javax.sql..",
                    "java.io..",
                    "java.nio..",
                    "org.apache.poi..",
                    "com.lowagie..");

    @ArchTest
    static final ArchRule usageRulesReadTimeOnlyFromAGivenClockAndZone = noClasses()
            .that()
            .resideInAPackage(USAGE)
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(ZoneId.class, "systemDefault")
            .orShould()
            .callMethod(System.class, "currentTimeMillis");

    @Test
    void importsTheUsageRules() {
        // given
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.contactcenter.billing.usage");

        // then: the rules above did not pass vacuously
        org.assertj.core.api.Assertions.assertThat(classes.contain(UsageCalculator.class))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain(Period.class))
                .isTrue();
        usageRulesDependOnNoFrameworkJdbcIoOrReportLibrary.check(classes);
    }
}
