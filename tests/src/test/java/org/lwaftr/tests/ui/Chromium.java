package org.lwaftr.tests.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Debian's headless Chromium driven by its chromedriver: what the browser tests share. */
public final class Chromium {
    private static final String BINARY = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }

    /** @return whether Debian's chromium and chromium-driver are installed */
    public static boolean present() {
        return new File(BINARY).canExecute() && new File(DRIVER).canExecute();
    }

    /** @return a headless browser (no network of its own: no sync, updates or QUIC) */
    public static WebDriver start() {
        ChromeOptions o = new ChromeOptions().setBinary(BINARY).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1000");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build(), o);
    }

    /**
     * Waits until the element {@code id} shows {@code text}.
     *
     * @return the element's text
     * @throws AssertionError naming the page and its text if it does not within 10 s
     */
    public static String waitFor(WebDriver browser, String id, String text) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        } catch (org.openqa.selenium.TimeoutException e) {
            String src = browser.findElement(By.tagName("body")).getText();
            throw new AssertionError("no '" + text + "' in #" + id + " of " + browser.getCurrentUrl() + ":\n"
                    + src.substring(0, Math.min(src.length(), 1500)), e);
        }
        return browser.findElement(By.id(id)).getText();
    }

    /** Saves what the browser shows as {@code dir/name}. */
    public static void screenshot(WebDriver browser, Path dir, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Files.createDirectories(dir).resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
