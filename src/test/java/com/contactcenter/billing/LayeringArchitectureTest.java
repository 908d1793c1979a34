package com.contactcenter.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The product's layers, top to bottom: the command line; the dashboard and the schedule; reports,
 * budgets (above the forecasts they read) and job control; snapshots and the sync; the sources; prices; the warehouse; the
 * billing rules, which reach nothing, like the clock's configuration and the date limits. No
 * package reaches one above it; the command line and the dashboard reach the data only through
 * services; only {@code snapshot} reads the export document.
 */
class LayeringArchitectureTest {

    private static final String ROOT = "com.contactcenter.billing";

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The application's class enables every capability's settings: it is the top, above the layers. */
    static final ArchRule LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
            .ignoreDependency(
                    JavaClass.Predicates.equivalentTo(BillingApplication.class), DescribedPredicate.alwaysTrue())
            .layer("Application")
            .definedBy(ROOT)
            .layer("Cli")
            .definedBy(ROOT + ".cli..")
            .layer("Demo")
            .definedBy(ROOT + ".demo..")
            .layer("Web")
            .definedBy(ROOT + ".web..")
            .layer("Schedule")
            .definedBy(ROOT + ".schedule..")
            .layer("Report")
            .definedBy(ROOT + ".report..")
            .layer("Budget")
            .definedBy(ROOT + ".budget..")
            .layer("Forecast")
            .definedBy(ROOT + ".forecast..")
            .layer("Ops")
            .definedBy(ROOT + ".ops..")
            .layer("Snapshot")
            .definedBy(ROOT + ".snapshot..")
            .layer("Sync")
            .definedBy(ROOT + ".sync..")
            .layer("Source")
            .definedBy(ROOT + ".source..")
            .layer("Warehouse")
            .definedBy(ROOT + ".warehouse..")
            .layer("Pricing")
            .definedBy(ROOT + ".pricing..")
            .layer("Rules")
            .definedBy(ROOT + ".usage..")
            .layer("Validation")
            .definedBy(ROOT + ".validation..")
            .layer("Config")
            .definedBy(ROOT + ".config..")
            .layer("Jdbc")
            .definedBy(ROOT + ".jdbc..")
            .whereLayer("Application")
            .mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Cli")
            .mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Demo")
            .mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Web")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Schedule")
            .mayOnlyBeAccessedByLayers("Cli", "Web")
            .whereLayer("Validation")
            .mayOnlyBeAccessedByLayers("Cli", "Web")
            .whereLayer("Report")
            .mayOnlyBeAccessedByLayers("Cli", "Web", "Schedule")
            .whereLayer("Ops")
            .mayOnlyBeAccessedByLayers("Cli", "Web", "Schedule")
            .whereLayer("Budget")
            .mayOnlyBeAccessedByLayers("Cli", "Web", "Schedule")
            .whereLayer("Forecast")
            .mayOnlyBeAccessedByLayers("Cli", "Web", "Budget")
            .whereLayer("Snapshot")
            .mayOnlyBeAccessedByLayers("Cli", "Web", "Schedule", "Report", "Ops", "Forecast", "Budget")
            .whereLayer("Sync")
            .mayOnlyBeAccessedByLayers("Cli", "Web", "Schedule", "Report", "Ops", "Budget")
            .whereLayer("Source")
            .mayOnlyBeAccessedByLayers(
                    "Cli", "Web", "Schedule", "Report", "Forecast", "Budget", "Ops", "Snapshot", "Sync")
            .whereLayer("Warehouse")
            .mayOnlyBeAccessedByLayers("Schedule", "Report", "Forecast", "Ops", "Snapshot", "Sync")
            .whereLayer("Pricing")
            .mayOnlyBeAccessedByLayers(
                    "Cli", "Web", "Schedule", "Report", "Forecast", "Budget", "Ops", "Snapshot", "Sync", "Source")
            .whereLayer("Config")
            .mayNotAccessAnyLayer()
            .whereLayer("Validation")
            .mayNotAccessAnyLayer()
            .whereLayer("Rules")
            .mayNotAccessAnyLayer()
            .whereLayer("Rules")
            .mayOnlyBeAccessedByLayers(
                    "Cli",
                    "Web",
                    "Schedule",
                    "Report",
                    "Forecast",
                    "Budget",
                    "Ops",
                    "Snapshot",
                    "Sync",
                    "Source",
                    "Warehouse",
                    "Pricing")
            .whereLayer("Jdbc")
            .mayOnlyBeAccessedByLayers("Forecast", "Budget", "Ops", "Snapshot", "Sync", "Source", "Warehouse");

    static final ArchRule WEB_AND_CLI_THROUGH_SERVICES = noClasses()
            .that()
            .resideInAnyPackage(ROOT + ".web..", ROOT + ".cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ROOT + ".warehouse..", ROOT + ".jdbc..", "org.springframework.jdbc.core..")
            .because("the dashboard and the command line reach the data only through services");

    static final ArchRule ONLY_SNAPSHOT_READS_THE_DOCUMENT = noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".snapshot..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("tools.jackson.databind.JsonNode")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("tools.jackson.core.JsonParser")
            .because("the export document is read through the snapshot's read model (snapshot/SnapshotReader)");

    @Test
    void noPackageReachesALayerAboveIt() {
        assertThat(PRODUCT.contain(BillingApplication.class))
                .as("the product's classes were imported")
                .isTrue();
        LAYERS.check(PRODUCT);
    }

    @Test
    void theDashboardAndTheCommandLineReachTheDataOnlyThroughServices() {
        WEB_AND_CLI_THROUGH_SERVICES.check(PRODUCT);
    }

    @Test
    void onlyTheSnapshotPackageReadsTheExportDocument() {
        ONLY_SNAPSHOT_READS_THE_DOCUMENT.check(PRODUCT);
    }
}
