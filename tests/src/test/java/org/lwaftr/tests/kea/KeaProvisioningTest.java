package org.lwaftr.tests.kea;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.provisioning.KeaS46Reservations;
import org.lwaftr.provisioning.LwB4Identities;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The lwB4 provisioning generated from the binding table, served by a real Kea DHCPv6 server
 * (Debian's kea-dhcp6, started by the test in its own network namespace) and received by a DHCPv6
 * client (scapy): each lwB4 gets the RFC 7598 §5.3 lw4o6 container for its own softwire, exactly.
 */
public class KeaProvisioningTest {
    private static final String KEA = "/usr/sbin/kea-dhcp6";
    private static final String PYTHON = "/usr/bin/python3";
    private static final String NS = "lwkea" + ProcessHandle.current().pid() % 100000;
    private static final String CLIENT_IF = "lk" + ProcessHandle.current().pid() % 100000 + "c";
    private static final String SERVER_IF = "lk" + ProcessHandle.current().pid() % 100000 + "s";
    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");
    private static final Softwire SHARED = Softwire.of(Ip4Address.valueOf("192.0.2.1"), PortSet.of(6, 6, 3),
            Ip6Address.valueOf("2001:db8:1::1"), BR);
    private static final Softwire WHOLE = Softwire.of(Ip4Address.valueOf("192.0.2.9"), PortSet.WHOLE_ADDRESS,
            Ip6Address.valueOf("2001:db8:1::9"), Ip6Address.valueOf("2001:db8:ffff::2"));
    private static final String DUID_SHARED = "00:03:00:01:02:00:00:00:00:01";
    private static final String DUID_WHOLE = "00:03:00:01:02:00:00:00:00:09";
    private static final String DUID_UNKNOWN = "00:03:00:01:02:00:00:00:00:77";

    private static boolean ready;
    private static Process kea;
    private static Path dir;

    @BeforeClass
    public static void startKea() throws Exception {
        String missing = !Files.isExecutable(Path.of(KEA)) ? "kea-dhcp6-server not found"
                : !"root".equals(System.getProperty("user.name")) ? "not root (network namespace)"
                : run(PYTHON, "-c", "import scapy.layers.dhcp6").status != 0 ? "python3-scapy not found" : null;
        if (missing != null) {
            System.out.println("SKIPPED: " + missing + " (Kea provisioning tests)");
            return;
        }
        dir = Files.createDirectories(Path.of("target", "kea").toAbsolutePath());
        String identities = "lwb4,duid\n" + SHARED.lwb4() + "," + DUID_SHARED + "\n" + WHOLE.lwb4() + "," + DUID_WHOLE + "\n";
        KeaS46Reservations r = KeaS46Reservations.of(List.of(SHARED, WHOLE),
                LwB4Identities.read(new StringReader(identities), "identities.csv"));
        assertEquals(List.of(), r.skipped());
        // Included by Kea as the operator would: "reservations": <?include "file"?>.
        Path fragment = dir.resolve("lwaftr-reservations.json");
        Files.writeString(fragment, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(r.reservations()));
        Files.writeString(dir.resolve("kea.json"), "{\"Dhcp6\": {"
                + "\"interfaces-config\": {\"interfaces\": [\"" + SERVER_IF + "\"]},"
                + "\"lease-database\": {\"type\": \"memfile\", \"persist\": false},"
                + "\"server-id\": {\"type\": \"LL\", \"persist\": false},"
                + "\"subnet6\": [{\"id\": 1, \"subnet\": \"2001:db8:100::/64\", \"interface\": \"" + SERVER_IF + "\","
                + "  \"pools\": [{\"pool\": \"2001:db8:100::100-2001:db8:100::1ff\"}],"
                + "  \"reservations\": <?include \"" + fragment + "\"?> }],"
                + "\"loggers\": [{\"name\": \"kea-dhcp6\", \"output_options\": [{\"output\": \"" + dir.resolve("kea.log")
                + "\"}], \"severity\": \"DEBUG\", \"debuglevel\": 40}]}}");
        cleanNetwork();
        must(run("ip", "netns", "add", NS));
        must(run("ip", "link", "add", CLIENT_IF, "type", "veth", "peer", "name", SERVER_IF));
        must(run("ip", "link", "set", SERVER_IF, "netns", NS));
        // No duplicate address detection: Kea binds the link-local address as soon as it starts.
        must(run("/usr/sbin/sysctl", "-qw", "net.ipv6.conf." + CLIENT_IF + ".accept_dad=0"));
        must(run("ip", "netns", "exec", NS, "/usr/sbin/sysctl", "-qw", "net.ipv6.conf." + SERVER_IF + ".accept_dad=0"));
        must(run("ip", "link", "set", CLIENT_IF, "up"));
        must(run("ip", "netns", "exec", NS, "ip", "link", "set", SERVER_IF, "up"));
        must(run("ip", "netns", "exec", NS, "ip", "-6", "addr", "add", "2001:db8:100::1/64", "dev", SERVER_IF));
        ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", NS, KEA, "-c", dir.resolve("kea.json").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kea.out").toFile());
        pb.environment().put("KEA_PIDFILE_DIR", dir.toString());
        pb.environment().put("KEA_LOCKFILE_DIR", "none");
        Files.deleteIfExists(dir.resolve("kea.log"));
        kea = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!logSays("DHCP6_STARTED")) {
            assertTrue("kea-dhcp6 exited: " + Files.readString(dir.resolve("kea.out")), kea.isAlive());
            assertTrue("kea-dhcp6 not started in 20 s", System.nanoTime() < deadline);
            Thread.sleep(100);
        }
        assertFalse("Kea opened no socket: " + dir.resolve("kea.log"), logSays("DHCPSRV_NO_SOCKETS_OPEN"));
        ready = true;
    }

    @AfterClass
    public static void stopKea() throws Exception {
        if (kea != null) {
            kea.destroy();
            kea.waitFor(5, TimeUnit.SECONDS);
            kea.destroyForcibly();
        }
        cleanNetwork();
    }

    @Before
    public void needsKea() {
        Assume.assumeTrue("Kea provisioning test prerequisites missing", ready);
    }

    /** RFC 7598 §5.3 with §4.2 BR, §4.5 binding (IPv4, /128) and §4.6 port parameters. */
    @Test
    public void rfc7598Sec53SharedAddressLwb4GetsItsBindingAndPortSet() throws Exception {
        Map<Integer, String> options = solicit(DUID_SHARED);
        assertEquals(hex(lw4o6Container(SHARED)), options.get(96));
    }

    @Test
    public void rfc7598Sec53WholeAddressLwb4GetsNoPortParameters() throws Exception {
        Map<Integer, String> options = solicit(DUID_WHOLE);
        assertEquals(hex(lw4o6Container(WHOLE)), options.get(96));
        assertFalse(options.get(96).contains("005d0004"));
    }

    @Test
    public void anUnknownClientGetsNoSoftwire() throws Exception {
        Map<Integer, String> options = solicit(DUID_UNKNOWN);
        assertTrue("answered (an address from the pool)", options.containsKey(3));
        assertNull(options.get(96));
    }

    /** The option as RFC 7598 lays it out, built here independently of the exporter. */
    private static byte[] lw4o6Container(Softwire s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        option(out, 90, s.br().toOctets());
        ByteBuffer bind = ByteBuffer.allocate(4 + 1 + 16 + (s.portSet().isWholeAddress() ? 0 : 8));
        bind.put(s.ipv4().toOctets()).put((byte) 128).put(s.lwb4().toOctets());
        if (!s.portSet().isWholeAddress()) {
            PortSet p = s.portSet();
            // §4.6: offset, PSID-len, PSID left-aligned in 16 bits
            bind.putShort((short) 93).putShort((short) 4).put((byte) p.offset()).put((byte) p.length())
                    .putShort((short) (p.psid() << (16 - p.length())));
        }
        option(out, 92, bind.array());
        return out.toByteArray();
    }

    private static void option(ByteArrayOutputStream out, int code, byte[] data) {
        out.write(code >> 8);
        out.write(code);
        out.write(data.length >> 8);
        out.write(data.length);
        out.writeBytes(data);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    private static Map<Integer, String> solicit(String duid) throws Exception {
        Path script = Path.of("src", "test", "resources", "kea", "dhcp6_client.py").toAbsolutePath();
        Result r = run(PYTHON, script.toString(), CLIENT_IF, duid);
        assertEquals("client: " + r.out, 0, r.status);
        Map<Integer, String> options = new HashMap<>();
        for (String line : r.out.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f[0].equals("message")) {
                assertEquals("an Advertise", "2", f[1]);
            } else if (f[0].equals("option")) {
                options.put(Integer.parseInt(f[1]), f.length > 2 ? f[2] : "");
            }
        }
        return options;
    }

    private static boolean logSays(String what) throws IOException {
        Path log = dir.resolve("kea.log");
        return Files.exists(log) && Files.readString(log).contains(what);
    }

    private static void cleanNetwork() {
        run("ip", "link", "del", CLIENT_IF);
        run("ip", "netns", "del", NS);
    }

    private static void must(Result r) {
        assertEquals(r.out, 0, r.status);
    }

    private static Result run(String... cmd) {
        List<String> c = new ArrayList<>(List.of(cmd));
        if (c.get(0).equals("ip") && !Files.isExecutable(Path.of("/usr/sbin/ip"))) {
            c.set(0, "/sbin/ip");
        } else if (c.get(0).equals("ip")) {
            c.set(0, "/usr/sbin/ip");
        }
        try {
            Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return new Result(p.exitValue(), out);
        } catch (IOException | InterruptedException e) {
            return new Result(-1, e.toString());
        }
    }

    private static final class Result {
        final int status;
        final String out;

        Result(int status, String out) {
            this.status = status;
            this.out = out;
        }
    }
}
