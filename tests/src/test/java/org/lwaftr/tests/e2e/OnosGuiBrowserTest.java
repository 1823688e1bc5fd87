package org.lwaftr.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.lwaftr.tests.ui.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The app's view in ONOS's own GUI (GUI1, built from ONOS 2.7.0's sources by {@code scripts/onos-gui}), in
 * Debian's headless Chromium: ONOS started by the suite ({@link OnosInstance}), the GUI app and then the
 * project's {@code .oar} installed over REST, softwires added over REST (RFC 7596 §5.1 binding table). The
 * browser logs in at {@code /onos/ui}, opens "lwAFTR" from the navigation, sees those softwires in the view
 * (the web-ui bundle's view, its data over the GUI's web socket) and follows the view's link to the operator
 * page served beside the REST API. One {@code SKIPPED} line without chromium, ONOS, or its GUI.
 */
public class OnosGuiBrowserTest {
    private static final Path WORK = Path.of("target", "onos-gui");
    private static final String APP = "org.lwaftr.app";
    private static final String BR = "2001:db8:ffff::1";
    /** Three softwires sharing one IPv4 address (PSID offset 6, length 2: RFC 7597 §5.1 port sets). */
    private static final List<String> LWB4S = List.of("2001:db8:1::1", "2001:db8:1::2", "2001:db8:1::3");
    private static final String SHARED = "198.51.100.7";
    private static OnosInstance onos;
    private static WebDriver browser;

    @BeforeClass
    public static void start() throws Exception {
        if (!Chromium.present()) {
            System.out.println("SKIPPED: chromium or chromium-driver not found (ONOS GUI browser test)");
            return;
        }
        OnosInstance.Located found = OnosInstance.locate();
        if (found.marker == null) {
            System.out.println("SKIPPED: ONOS not found (" + found.reason + ")");
            return;
        }
        String gui = found.marker.get("ONOS_GUI_APP");
        if (gui == null || !Files.isDirectory(Path.of(found.marker.get("ONOS_HOME"), "apps", gui))) {
            System.out.println("SKIPPED: ONOS GUI not found (no ONOS_GUI_APP in " + found.marker.get("ONOS_HOME")
                    + "/.onos-ready: run scripts/onos-gui/build.sh, then add-to-home.sh)");
            return;
        }
        String oar = System.getProperty("lwaftr.oar");
        assertTrue("the .oar built by this reactor (system property lwaftr.oar): " + oar,
                oar != null && Files.isRegularFile(Path.of(oar)));
        onos = OnosInstance.start(found.marker, WORK);
        // Shipped pre-installed, as ONOS's own apps: activated, not POSTed.
        HttpResponse<String> a = onos.send("POST", "/onos/v1/applications/" + gui + "/active", (String) null, null);
        assertEquals(a.body(), 200, a.statusCode());
        awaitActive(gui, 120_000);
        HttpResponse<String> r = onos.send("POST", "/onos/v1/applications?activate=true",
                HttpRequest.BodyPublishers.ofFile(Path.of(oar)), "application/octet-stream");
        assertEquals(r.body(), 200, r.statusCode());
        awaitActive(APP, 180_000);
        addSoftwires();
        browser = Chromium.start();
    }

    @AfterClass
    public static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (onos != null) {
            onos.close();
        }
    }

    /** ONOS's GUI provides the UiExtensionService our view bundle waits for: with it, the bundle is Active. */
    @Test
    public void webUiBundleIsActiveAndItsViewRegistered() throws Exception {
        Assume.assumeTrue("no ONOS GUI", browser != null);
        String bundles = onos.shell("bundle:list -t 0");
        assertTrue(bundles, bundles.lines().anyMatch(l -> l.contains("lwAFTR web UI") && l.contains("Active")));
        assertTrue(bundles, bundles.lines().anyMatch(l -> l.contains("onos-web-gui") && l.contains("Active")));
        String views = onos.shell("ui-views");
        assertTrue(views, views.contains("lwaftr"));
    }

    /** Login form, navigation, our view with the softwires the REST API added, its link to the operator page. */
    @Test
    public void logsInOpensTheViewFromTheNavigationAndFollowsItsLink() throws Exception {
        Assume.assumeTrue("no ONOS GUI", browser != null);
        // The operator page lives in the app's REST context, which asks for ONOS's credentials (HTTP basic,
        // realm karaf) as the REST API does; the browser is given them once, as a user would at its prompt.
        String operatorPage = OnosInstance.URL + "/onos/lwaftr/ui/index.html";
        browser.get(operatorPage.replace("http://", "http://onos:rocks@"));
        Chromium.waitFor(browser, "page", "1–3 of 3");

        browser.get(OnosInstance.URL + "/onos/ui/");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("username")), "the GUI's login form");
        browser.findElement(By.id("username")).sendKeys("onos");
        browser.findElement(By.id("password")).sendKeys("rocks");
        browser.findElement(By.id("submit")).click();

        click(By.cssSelector("#mast .nav-menu-button"), "the GUI's navigation button");
        By entry = By.xpath("//div[@id='nav']//a[normalize-space(.)='lwAFTR']");
        wait(ExpectedConditions.visibilityOfElementLocated(entry), "'lwAFTR' in the navigation");
        String href = browser.findElement(entry).getAttribute("href");
        assertEquals("#/lwaftr", href.substring(href.indexOf('#')));
        click(entry, "'lwAFTR' in the navigation");

        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#ov-lwaftr h2"),
                "lwAFTR softwires (3 matching"), "our view's heading");
        wait(b -> rowsOfTheView().size() == 3, "3 softwires in our view");
        for (String row : rowsOfTheView()) {
            assertTrue(row, row.startsWith(SHARED + " "));
        }
        assertTrue(rowsOfTheView().toString(), rowsOfTheView().stream().anyMatch(r -> r.contains(LWB4S.get(2))));
        Chromium.screenshot(browser, WORK, "onos-gui-lwaftr-view.png");

        // (not "back to the GUI" afterwards: the GUI page restored from the browser's cache carries a
        // web-socket token ONOS no longer accepts: "invalid authentication token")
        String link = browser.findElement(By.id("lwaftr-operator-page")).getAttribute("href");
        assertEquals(operatorPage, link);
        click(By.id("lwaftr-operator-page"), "our view's link to the operator page");
        Chromium.waitFor(browser, "page", "1–3 of 3");
        assertEquals(link, browser.getCurrentUrl());
    }

    private static List<String> rowsOfTheView() {
        List<String> rows = new ArrayList<>();
        for (WebElement tr : browser.findElements(By.cssSelector("#ov-lwaftr .table-body tr:not(.no-data)"))) {
            rows.add(tr.getText());
        }
        return rows;
    }

    /** Clicks once nothing covers the element (the GUI veils the page while its web socket (re)connects):
     * a covered element is "not interactable". */
    private static void click(By what, String description) {
        wait(b -> {
            try {
                b.findElement(what).click();
                return true;
            } catch (ElementNotInteractableException | NoSuchElementException | StaleElementReferenceException e) {
                return false;
            }
        }, description);
    }

    private static <T> void wait(org.openqa.selenium.support.ui.ExpectedCondition<T> what, String description) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(what);
        } catch (org.openqa.selenium.TimeoutException e) {
            String body = browser.findElement(By.tagName("body")).getText();
            throw new AssertionError("no " + description + " at " + browser.getCurrentUrl() + ":\n"
                    + body.substring(0, Math.min(body.length(), 1500)), e);
        }
    }

    private static void addSoftwires() throws InterruptedException {
        // the app's REST context is deployed by Pax Web a moment after ONOS calls the app ACTIVE
        long end = System.currentTimeMillis() + 60_000;
        while (onos.get("/onos/lwaftr/softwires").statusCode() != 200 && System.currentTimeMillis() < end) {
            Thread.sleep(500);
        }
        ObjectNode body = (ObjectNode) OnosInstance.json("{}");
        for (int i = 0; i < LWB4S.size(); i++) {
            ObjectNode c = body.withArray("changes").addObject();
            c.put("op", "add");
            c.put("binding-ipv4-addr", SHARED);
            ObjectNode ps = c.putObject("port-set");
            ps.put("psid-offset", 6);
            ps.put("psid-len", 2);
            ps.put("psid", i + 1);
            c.put("binding-ipv6info", LWB4S.get(i));
            c.put("br-ipv6-addr", BR);
        }
        HttpResponse<String> r = onos.send("POST", "/onos/lwaftr/softwires", body.toString(), "application/json");
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode table = onos.getJson("/onos/lwaftr/softwires");
        assertEquals(table.toString(), 3, table.path("binding-entry").size());
    }

    private static void awaitActive(String app, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!onos.appState(app).filter("ACTIVE"::equals).isPresent()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError(app + " not ACTIVE after " + timeoutMs + " ms: " + onos.appState(app));
            }
            Thread.sleep(1000);
        }
    }
}
