package com.contactcenter.billing.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its driver ({@code apt-get install chromium chromium-driver}), driven
 * by Selenium. Nothing is downloaded: both binaries are given by path. As a JUnit condition it skips
 * a test class when they are missing, unless the environment variable {@code CI} is set: on CI a
 * missing browser fails the class instead.
 */
public final class Chromium implements ExecutionCondition {

    public static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium at " + BROWSER);
        }
        String why = "no Chromium at " + BROWSER + " with its driver at " + DRIVER
                + " (apt-get install chromium chromium-driver)";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(why + "; CI is set, so this browser test fails instead of skipping");
        }
        return ConditionEvaluationResult.disabled("skipped: " + why + "; CI is unset");
    }

    /** A new headless browser with a fresh profile, 1400 x 2200 pixels. */
    public static ChromeDriver start() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=en-US",
                "--window-size=1400,2200",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
