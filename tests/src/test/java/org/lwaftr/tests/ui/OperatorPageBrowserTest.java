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
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;
import org.lwaftr.tests.bmv2.LwaftrFrames;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.PortBinding;
import org.lwaftr.config.PortRole;
import org.lwaftr.config.SideSettings;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The operator page in Debian's headless Chromium, served by the standalone controller beside its
 * REST API: it loads, pages through 1,000 softwires server-side, searches, adds a softwire, shows
 * the field-named error of a bad one and the address-sharing report; and, with the controller
 * driving a bmv2 switch, frames sent through a softwire move that softwire's counters and the punt
 * and drop counters by reason on the page. Without bmv2 the controller's one target is down and the
 * traffic test is skipped.
 */
public class OperatorPageBrowserTest {
    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");
    private static final int LWB4_PORT = 1;
    private static final int INET_PORT = 2;
    private static final MacAddress AFTR_MAC_B4 = MacAddress.valueOf("02:aa:00:00:00:01");
    private static final MacAddress AFTR_MAC_INET = MacAddress.valueOf("02:aa:00:00:00:02");
    private static final MacAddress B4_ROUTER = MacAddress.valueOf("02:bb:00:00:00:01");
    private static final MacAddress INET_ROUTER = MacAddress.valueOf("02:bb:00:00:00:02");
    private static final Ip4Address HOST = Ip4Address.valueOf("203.0.113.9");
    private static final long WAIT = 3000;
    private static final List<Softwire> SOFTWIRES = new ArrayList<>();
    private static boolean ready;
    private static Bmv2Switch sw;
    private static FrameIo io;
    private static LabController lab;
    private static RestServer rest;
    private static WebDriver browser;
    private static String page;

    @BeforeClass
    public static void start() {
        if (!Chromium.present()) {
            System.out.println("SKIPPED: chromium or chromium-driver not found (operator page browser tests)");
            return;
        }
        for (int i = 0; i < 1000; i++) { // 1000 softwires: 16 per address (a = 6, k = 4)
            SOFTWIRES.add(Softwire.of(Ip4Address.valueOf(0xc6336400 + i / 16), PortSet.of(6, 4, i % 16),
                    Ip6Address.valueOf("2001:db8:1::" + Integer.toHexString(i + 1)), BR));
        }
        SideSettings b4 = new SideSettings(LWB4_PORT, 0, AFTR_MAC_B4, B4_ROUTER);
        SideSettings inet = new SideSettings(INET_PORT, 0, AFTR_MAC_INET, INET_ROUTER);
        DeviceSettings d = new DeviceSettings(b4, inet, List.of(new PortBinding(LWB4_PORT, 0, PortRole.LWB4, AFTR_MAC_B4),
                new PortBinding(INET_PORT, 0, PortRole.INTERNET, AFTR_MAC_INET)), List.of(Ip4Address.valueOf("192.0.2.254")),
                List.of(Ip6Address.valueOf("2001:db8:ffff::fe")), List.of(BR));
        LabConfig cfg = new LabConfig(LwaftrPolicy.builder().icmp(new IcmpPolicy(true, true, true, true, 100, 100, 1))
                .build(), d, SOFTWIRES, b -> { }, List.of());
        // With bmv2 the controller drives a switch (traffic test); without, its one target is down.
        TargetSpec target = new TargetSpec("127.0.0.1", 1, 1);
        if (Bmv2Switch.presentOrReport()) {
            sw = Bmv2Switch.start(2, Path.of("target", "bmv2-ui"));
            io = FrameIo.open(sw);
            target = new TargetSpec("127.0.0.1", sw.grpcPort(), Bmv2Switch.DEVICE_ID);
        }
        lab = LabController.start(cfg, List.of(target), LabPipeline.lwaftr());
        if (sw != null && !lab.awaitConverged(60_000)) {
            throw new AssertionError("the controller did not program bmv2:\n" + sw.logTail(30));
        }
        rest = RestServer.start("127.0.0.1", 0, new StandaloneLwaftrService(lab, cfg, System::currentTimeMillis),
                Map.of("ops", "pw"));
        page = "http://ops:pw@127.0.0.1:" + rest.port() + RestServer.CONTEXT + "/ui/index.html";
        browser = Chromium.start();
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
        if (io != null) {
            io.close();
        }
        if (sw != null) {
            sw.close();
        }
    }

    @Before
    public void needsChromium() {
        Assume.assumeTrue("chromium absent", ready);
        browser.get(page);
        waitFor("page", "1–50 of ");
    }

    private String waitFor(String id, String text) {
        return Chromium.waitFor(browser, id, text);
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
        screenshot("operator-page.png");
        browser.findElement(By.id("next")).click();
        waitFor("page", "51–100 of 1000");
        // 16 softwires per address: rows 51..100 start at the 4th address
        assertEquals("198.51.100.3", firstColumn().get(0));
    }

    @Test
    public void sortsByLwb4OnTheServer() {
        // lwB4 2001:db8::1 sorts before every other (2001:db8:1::…), its address after them all
        Softwire first = Softwire.of(Ip4Address.valueOf("203.0.113.9"), PortSet.of(6, 6, 1),
                Ip6Address.valueOf("2001:db8::1"), BR);
        lab.apply(List.of(BindingChange.add(first)));
        try {
            browser.findElement(By.cssSelector("button.sort[data-sort=lwb4]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !firstColumn().isEmpty()
                    && "203.0.113.9".equals(firstColumn().get(0)));
            assertEquals("1–50 of 1001", browser.findElement(By.id("page")).getText());
            browser.findElement(By.cssSelector("button.sort[data-sort=ipv4]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !firstColumn().isEmpty()
                    && "198.51.100.0".equals(firstColumn().get(0)));
        } finally {
            lab.apply(List.of(BindingChange.remove(first.key())));
        }
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

        // and removes it again (the other tests see the 1000 softwires they started with)
        browser.findElement(By.id("q-ipv4")).sendKeys("203.0.113.5");
        browser.findElement(By.id("search-go")).click();
        waitFor("page", "1–1 of 1");
        browser.findElement(By.cssSelector("#softwires tr[data-key='203.0.113.5/1'] button.remove")).click();
        waitFor("edit-result", "removed 1");
        waitFor("page", "no softwires");
        assertTrue(lab.softwires().stream().noneMatch(s -> s.ipv4().toString().equals("203.0.113.5")));
    }

    @Test
    public void showsTheAddressSharingReport() {
        // 1000 softwires, 16 per address (k = 4): 62 full addresses and one with 8 (RFC 7597 §5.1)
        String summary = waitFor("sharing-summary", "63 IPv4 addresses");
        assertTrue(summary, summary.contains("62 fully used") && summary.contains("1 partly used")
                && summary.contains("1000 softwires"));
        assertEquals("16 63 1000", browser.findElement(By.cssSelector("#sharing-histogram tbody tr")).getText());
        waitFor("sharing-page", "1–20 of 63 addresses");
        String first = browser.findElement(By.cssSelector("#sharing-addresses tr[data-ipv4='198.51.100.0']")).getText();
        assertTrue(first, first.startsWith("198.51.100.0 6 4 16 of 16"));
        browser.findElement(By.id("sharing-next")).click();
        waitFor("sharing-page", "21–40 of 63 addresses");
        assertEquals(20, browser.findElements(By.cssSelector("#sharing-addresses tbody tr")).size());
    }

    /**
     * RFC 7596 §6.1/§6.2 through bmv2: downstream frames for a softwire are encapsulated to its lwB4,
     * upstream frames from it decapsulated; a frame for an address no softwire holds is punted
     * (DOWNSTREAM_NO_BINDING, the slow path answers ICMPv4 3/1, §6.2), a frame to another MAC is
     * dropped (NOT_FOR_AFTR). The page shows each: the selected softwire's counters each way and
     * the device's punt and drop counters by reason move by exactly what was sent.
     */
    @Test
    public void trafficThroughASoftwireMovesItsCountersAndThePuntAndDropCountersOnThePage() throws Exception {
        Bmv2Switch.assumeAvailable();
        Softwire s = SOFTWIRES.get(5); // 198.51.100.0, PSID 5, lwB4 2001:db8:1::6
        int port = 0;
        while (!s.portSet().contains(port)) {
            port++;
        }
        browser.findElement(By.cssSelector("#softwires tr[data-key='198.51.100.0/5']")).click();
        waitFor("sw-key", "198.51.100.0 PSID 5");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> !text("sw-down-packets").isEmpty());
        assertTrue(browser.findElement(By.id("details")).getText().contains("lwB4 " + s.lwb4()));
        waitFor("devices", "punted to the controller");
        long down = number("sw-down-packets");
        long downBytes = number("sw-down-bytes");
        long up = number("sw-up-packets");
        long punts = reason("punt", "DOWNSTREAM_NO_BINDING");
        long drops = reason("drop", "NOT_FOR_AFTR");

        io.clear();
        for (int i = 0; i < 3; i++) {
            io.send(INET_PORT, LwaftrFrames.ethernet(INET_ROUTER, AFTR_MAC_INET, Ethernet.TYPE_IPV4,
                    LwaftrFrames.udp(HOST, 53, s.ipv4(), port)));
            IPv6 v6 = (IPv6) io.expectFrame(LWB4_PORT, WAIT).getPayload();
            assertEquals(s.lwb4(), Ip6Address.valueOf(v6.getDestinationAddress()));
        }
        for (int i = 0; i < 2; i++) {
            io.send(LWB4_PORT, LwaftrFrames.ethernet(B4_ROUTER, AFTR_MAC_B4, Ethernet.TYPE_IPV6,
                    LwaftrFrames.ipv6(s.lwb4(), BR, LwaftrFrames.PROTO_IPV4, LwaftrFrames.udp(s.ipv4(), port, HOST, 53))));
            IPv4 v4 = (IPv4) io.expectFrame(INET_PORT, WAIT).getPayload();
            assertEquals(s.ipv4().toInt(), v4.getSourceAddress());
        }
        for (int i = 0; i < 2; i++) { // no softwire holds 198.51.100.200
            io.send(INET_PORT, LwaftrFrames.ethernet(INET_ROUTER, AFTR_MAC_INET, Ethernet.TYPE_IPV4,
                    LwaftrFrames.udp(HOST, 53, Ip4Address.valueOf("198.51.100.200"), port)));
        }
        io.send(INET_PORT, LwaftrFrames.ethernet(INET_ROUTER, MacAddress.valueOf("02:aa:00:00:00:99"),
                Ethernet.TYPE_IPV4, LwaftrFrames.udp(HOST, 53, s.ipv4(), port)));

        long[] want = {down + 3, up + 2, punts + 2, drops + 1};
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> java.util.Arrays.equals(want, shown()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("page shows [downstream, upstream, punt DOWNSTREAM_NO_BINDING, drop NOT_FOR_AFTR] = "
                    + java.util.Arrays.toString(shown()) + ", expected " + java.util.Arrays.toString(want), e);
        }
        assertTrue("downstream bytes grew", number("sw-down-bytes") > downBytes);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1500, 1250));
        try {
            Thread.sleep(500); // the page lays itself out again
            screenshot("operator-page-traffic.png");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        }
    }

    private long[] shown() {
        return new long[] {number("sw-down-packets"), number("sw-up-packets"), reason("punt", "DOWNSTREAM_NO_BINDING"),
            reason("drop", "NOT_FOR_AFTR")};
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private long number(String id) {
        String t = text(id);
        return t.isEmpty() ? -1 : Long.parseLong(t);
    }

    /** The packets the page shows for a reason in the (one) device's punt or drop table; 0 if not listed. */
    private long reason(String kind, String reason) {
        try {
            return Long.parseLong(browser.findElement(By.cssSelector(
                    "#devices table." + kind + " tr[data-reason='" + reason + "'] td.packets")).getText().trim());
        } catch (NoSuchElementException e) {
            return 0;
        }
    }

    /** The page as it is now, into target/ui/ (the README's picture is one of these). */
    private static void screenshot(String name) throws java.io.IOException {
        Chromium.screenshot(browser, Path.of("target", "ui"), name);
    }
}
