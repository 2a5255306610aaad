package org.imagefactory.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: both installed with apt-get when missing, never
 * downloaded by Selenium. Every session gets a fresh profile, so nothing is cached between two window sizes.
 */
final class Chromium {

    private Chromium() {
    }

    static ChromeDriver open(int windowWidth, int windowHeight, Path folder) {
        Path browser = DebianPackages.require("chromium", "chromium", "chromium-driver", "fonts-liberation");
        Path driver = DebianPackages.require("chromedriver", "chromium-driver");
        Path profile;
        try {
            profile = Files.createDirectories(folder.resolve("profile"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile folder in " + folder, e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + Math.max(windowWidth, 500) + "," + windowHeight);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogFile(folder.resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // Headless windows are at least 500 px wide; the viewport of a phone is set the way DevTools' device mode does.
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", windowWidth,
                "height", windowHeight, "deviceScaleFactor", 1, "mobile", false));
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return chrome;
    }
}
