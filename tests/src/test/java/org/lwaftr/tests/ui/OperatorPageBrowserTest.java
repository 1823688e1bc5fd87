package org.lwaftr.tests.ui;

import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.lwaftr.config.IcmpPolicy;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.lab.LabConfig;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.RestServer;
import org.lwaftr.lab.StandaloneLwaftrService;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.PortBinding;
import org.lwaftr.config.PortRole;
import org.lwaftr.config.SideSettings;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The operator page in Debian's headless Chromium, served by the standalone controller beside its
 * REST API: it loads, pages through 1,000 softwires server-side, searches, adds a softwire, and
 * shows the field-named error of a bad one.
 */
public class OperatorPageBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");
    private static boolean ready;
    private static LabController lab;
    private static RestServer rest;
    private static WebDriver browser;
    private static String page;

    @BeforeClass
    public static void start() {
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            System.out.println("SKIPPED: chromium or chromium-driver not found (operator page browser tests)");
            return;
        }
        List<Softwire> softwires = new ArrayList<>();
        for (int i = 0; i < 1000; i++) { // 1000 softwires: 16 per address (a = 6, k = 4)
            softwires.add(Softwire.of(Ip4Address.valueOf(0xc6336400 + i / 16), PortSet.of(6, 4, i % 16),
                    Ip6Address.valueOf("2001:db8:1::" + Integer.toHexString(i + 1)), BR));
        }
        SideSettings b4 = new SideSettings(1, 0, MacAddress.valueOf("02:aa:00:00:00:01"), MacAddress.valueOf("02:bb:00:00:00:01"));
        SideSettings inet = new SideSettings(2, 0, MacAddress.valueOf("02:aa:00:00:00:02"), MacAddress.valueOf("02:bb:00:00:00:02"));
        DeviceSettings d = new DeviceSettings(b4, inet, List.of(new PortBinding(1, 0, PortRole.LWB4, b4.aftrMac()),
                new PortBinding(2, 0, PortRole.INTERNET, inet.aftrMac())), List.of(Ip4Address.valueOf("192.0.2.254")),
                List.of(Ip6Address.valueOf("2001:db8:ffff::fe")), List.of(BR));
        LabConfig cfg = new LabConfig(LwaftrPolicy.builder().icmp(new IcmpPolicy(true, true, true, true, 100, 100, 1))
                .build(), d, softwires, b -> { }, List.of());
        lab = LabController.start(cfg, List.of(new TargetSpec("127.0.0.1", 1, 1)), LabPipeline.lwaftr());
        rest = RestServer.start("127.0.0.1", 0, new StandaloneLwaftrService(lab, cfg, System::currentTimeMillis),
                Map.of("ops", "pw"));
        page = "http://ops:pw@127.0.0.1:" + rest.port() + RestServer.CONTEXT + "/ui/index.html";
        ChromeOptions o = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build(), o);
        ready = true;
    }

    @AfterClass
    public static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (rest != null) {
            rest.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Before
    public void needsChromium() {
        Assume.assumeTrue("chromium absent", ready);
        browser.get(page);
        waitFor("page", "1–50 of ");
    }

    private String waitFor(String id, String text) {
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

    private List<String> firstColumn() {
        List<String> out = new ArrayList<>();
        browser.findElements(By.cssSelector("#softwires tbody tr td:first-child")).forEach(e -> out.add(e.getText()));
        return out;
    }

    @Test
    public void pagesThroughTheTableOnTheServer() throws Exception {
        assertEquals("1–50 of 1000", browser.findElement(By.id("page")).getText());
        assertEquals(50, firstColumn().size());
        // the README's picture of the page (target/ui/operator-page.png)
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Files.createDirectories(Path.of("target", "ui")).resolve("operator-page.png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("next")).click();
        waitFor("page", "51–100 of 1000");
        // 16 softwires per address: rows 51..100 start at the 4th address
        assertEquals("198.51.100.3", firstColumn().get(0));
    }

    @Test
    public void searchesByAddress() {
        browser.findElement(By.id("q-ipv4")).sendKeys("198.51.100.7");
        browser.findElement(By.id("search-go")).click();
        waitFor("page", "1–16 of 16");
        assertTrue(firstColumn().stream().allMatch("198.51.100.7"::equals));
        browser.findElement(By.id("q-ipv4")).clear();
        browser.findElement(By.id("q-ipv4")).sendKeys("198.51.100");
        browser.findElement(By.id("search-go")).click();
        assertEquals("binding-ipv4-addr '198.51.100' is not an IPv4 address",
                waitFor("search-error", "binding-ipv4-addr"));
    }

    @Test
    public void addsASoftwireAndShowsTheFieldOfABadOne() {
        browser.findElement(By.id("e-ipv4")).sendKeys("203.0.113.5");
        browser.findElement(By.id("e-offset")).sendKeys("6");
        browser.findElement(By.id("e-len")).sendKeys("6");
        browser.findElement(By.id("e-psid")).sendKeys("1");
        browser.findElement(By.id("e-lwb4")).sendKeys("2001:db8:5::1");
        browser.findElement(By.id("e-br")).sendKeys(BR.toString());
        browser.findElement(By.id("edit-go")).click();
        waitFor("edit-result", "added 1");
        assertTrue(lab.softwires().stream().anyMatch(s -> s.ipv4().toString().equals("203.0.113.5")));

        browser.findElement(By.id("e-psid")).clear();
        browser.findElement(By.id("e-psid")).sendKeys("99"); // k = 6: PSIDs 0..63
        browser.findElement(By.id("e-ipv4")).clear();
        browser.findElement(By.id("e-ipv4")).sendKeys("203.0.113.6");
        browser.findElement(By.id("edit-go")).click();
        String err = waitFor("edit-error", "psid");
        assertTrue(err, err.contains("psid") && err.contains("99"));
        assertTrue("nothing applied", lab.softwires().stream().noneMatch(s -> s.ipv4().toString().equals("203.0.113.6")));
    }
}
