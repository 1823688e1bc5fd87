package org.lwaftr.lab;

import com.google.common.io.Resources;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.lwaftr.core.Softwire;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** {@code scripts/lab.sh}'s command line: what it accepts, and errors that name the option. */
public class LabArgsTest {
    private static final String[] CONFIG = {"--netcfg", "netcfg.json"};

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static String[] with(String... args) {
        String[] all = new String[args.length + CONFIG.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(CONFIG, 0, all, args.length, CONFIG.length);
        return all;
    }

    /** Asserts that parsing fails with a message starting with {@code prefix}. */
    private static void refused(String prefix, String... args) {
        try {
            LabArgs.parse(args);
            fail("accepted " + String.join(" ", args));
        } catch (LabConfigException e) {
            assertTrue("'" + e.getMessage() + "' should start with '" + prefix + "'", e.getMessage().startsWith(prefix));
        }
    }

    /** RFC 7596 §6.1: the reservations file follows the table; it needs the lwB4 identities to be written. */
    @Test
    public void keaReservationsNeedReadableIdentities() throws java.io.IOException {
        java.nio.file.Path ids = java.nio.file.Files.createTempFile("ids", ".csv");
        try {
            LabArgs a = LabArgs.parse(with("--target", "h:1", "--kea-reservations", "/tmp/r.json",
                    "--kea-identities", ids.toString()));
            assertEquals(java.nio.file.Path.of("/tmp/r.json"), a.keaReservations());
            assertEquals(ids, a.keaIdentities());
        } finally {
            java.nio.file.Files.delete(ids);
        }
        refused("--kea-reservations and --kea-identities go together",
                with("--target", "h:1", "--kea-reservations", "/tmp/r.json"));
        refused("--kea-identities /nonexistent/ids.csv: cannot read it", with("--target", "h:1",
                "--kea-reservations", "/tmp/r.json", "--kea-identities", "/nonexistent/ids.csv"));
    }

    /** The REST API has no default user: --rest needs the operator's --rest-users, and the other way round. */
    @Test
    public void restNeedsItsUsers() {
        LabArgs a = LabArgs.parse(with("--target", "h:1", "--rest", "127.0.0.1:8181", "--rest-users", "users"));
        assertEquals("127.0.0.1:8181", a.rest());
        refused("--rest and --rest-users go together", with("--target", "h:1", "--rest", "127.0.0.1:8181"));
        refused("--rest and --rest-users go together", with("--target", "h:1", "--rest-users", "users"));
        refused("--rest nohost: expected host:port", with("--target", "h:1", "--rest", "nohost", "--rest-users", "u"));
    }

    @Test
    public void severalTargetsEachWithItsDeviceId() {
        LabArgs a = LabArgs.parse(with("--target", "127.0.0.1:50051", "--device-id", "1",
                "--target", "10.0.0.2:9559", "--device-id", "42", "--target", "switch3:50053"));
        List<TargetSpec> t = a.targets();
        assertEquals(3, t.size());
        assertEquals("127.0.0.1", t.get(0).host());
        assertEquals(50051, t.get(0).port());
        assertEquals(1, t.get(0).deviceId());
        assertEquals("10.0.0.2", t.get(1).host());
        assertEquals(9559, t.get(1).port());
        assertEquals(42, t.get(1).deviceId());
        assertEquals("switch3", t.get(2).host());
        assertEquals("a target without --device-id gets 1", 1, t.get(2).deviceId());
    }

    @Test
    public void sameAddressWithAnotherDeviceIdIsAnotherTarget() {
        LabArgs a = LabArgs.parse(with("--target", "h:1", "--device-id", "1", "--target", "h:1", "--device-id", "2"));
        assertEquals(2, a.targets().size());
    }

    @Test
    public void optionalSettings() {
        LabArgs a = LabArgs.parse("--target", "h:1", "--snabb-config", "x.conf", "--lwb4-port", "0",
                "--internet-port", "510", "--stats-interval", "10", "--watch", "b.csv");
        assertEquals(10, a.statsInterval());
        assertEquals(Path.of("b.csv"), a.watch());
        assertNull(LabArgs.parse(with("--target", "h:1")).watch());
    }

    @Test
    public void help() {
        assertTrue(LabArgs.parse("--help").help());
        assertTrue(LabArgs.parse("--target", "h:1", "-h").help());
    }

    @Test
    public void missingValueNamesTheOption() {
        refused("--device-id: needs a value", with("--target", "h:1", "--device-id"));
        refused("--watch: needs a value", "--target", "h:1", "--netcfg", "n.json", "--watch");
        refused("--target: needs a value", "--netcfg", "n.json", "--target");
        refused("--target: needs a value (got the option --netcfg)", "--target", "--netcfg", "n.json");
    }

    @Test
    public void unknownOption() {
        refused("--tagret: unknown option", with("--tagret", "h:1"));
    }

    @Test
    public void deviceIdWithoutItsTargetOrTwiceForOne() {
        refused("--device-id: give it after its --target", with("--device-id", "2", "--target", "h:1"));
        refused("--device-id: given twice for --target h:1",
                with("--target", "h:1", "--device-id", "2", "--device-id", "3"));
    }

    @Test
    public void sameTargetTwice() {
        refused("--target h:1 device 1: given twice", with("--target", "h:1", "--target", "h:1"));
        refused("--target h:1 device 5: given twice",
                with("--target", "h:1", "--device-id", "5", "--target", "h:1", "--device-id", "5"));
    }

    @Test
    public void singleValuedOptionGivenTwice() {
        refused("--watch: given twice", with("--target", "h:1", "--watch", "a.csv", "--watch", "b.csv"));
        refused("--netcfg: given twice", with("--target", "h:1", "--netcfg", "other.json"));
        refused("--lwb4-port: given twice", with("--target", "h:1", "--lwb4-port", "1", "--lwb4-port", "2"));
    }

    @Test
    public void noTarget() {
        refused("--target: at least one is required", CONFIG);
    }

    @Test
    public void exactlyOneConfigurationSource() {
        refused("give exactly one of --netcfg and --snabb-config",
                "--target", "h:1", "--netcfg", "n.json", "--snabb-config", "l.conf");
        refused("give exactly one of --netcfg and --snabb-config", "--target", "h:1");
        refused("--snabb-config carries its binding table",
                "--target", "h:1", "--snabb-config", "l.conf", "--binding-table", "b.csv");
        refused("--snabb-config carries its binding table",
                "--target", "h:1", "--snabb-config", "l.conf", "--device-key", "k");
    }

    @Test
    public void targetAddressAndPortRange() {
        refused("--target h: expected host:port", with("--target", "h"));
        refused("--target :1: expected host:port", with("--target", ":1"));
        refused("--target h:0: port must be 1..65535", with("--target", "h:0"));
        refused("--target h:65536: port must be 1..65535", with("--target", "h:65536"));
        refused("--target h:x: port must be 1..65535", with("--target", "h:x"));
        assertEquals(65535, LabArgs.parse(with("--target", "h:65535")).targets().get(0).port());
    }

    @Test
    public void numbersOutOfRangeNameTheOption() {
        // 511 is bmv2's drop port (all ones in 9 bits): no side can face it (DataPlaneLimits.MAX_PORT)
        refused("--lwb4-port: '511' is not an integer in 0..510", with("--target", "h:1", "--lwb4-port", "511"));
        refused("--internet-port: '-1' is not an integer in 0..510",
                with("--target", "h:1", "--internet-port", "-1"));
        refused("--device-id: 'two' is not an integer", with("--target", "h:1", "--device-id", "two"));
        refused("--device-id: '-3' is not an integer", with("--target", "h:1", "--device-id", "-3"));
        refused("--lwb4-port: 255 is the CPU port", with("--target", "h:1", "--lwb4-port", "255"));
        refused("--internet-port: 255 is the CPU port", with("--target", "h:1", "--internet-port", "255"));
        refused("--stats-interval: '0' is not an integer in 1..86400",
                with("--target", "h:1", "--stats-interval", "0"));
    }

    /** The --watch file, if it exists at start, is the initial binding table. */
    @Test
    public void watchFileIsTheInitialTable() throws Exception {
        Path conf = snabbSample();
        Path watch = tmp.getRoot().toPath().resolve("b.csv");
        Files.writeString(watch, "ipv4,psid_offset,psid_len,psid,lwb4,br\n"
                + "198.51.100.7,0,0,0,2001:db8:7::1,2001:db8::1\n");
        LabConfig c = LabArgs.parse("--target", "h:1", "--snabb-config", conf.toString(), "--lwb4-port", "1",
                "--internet-port", "2", "--watch", watch.toString()).loadConfig();
        List<Softwire> s = c.softwires();
        assertEquals(1, s.size());
        assertEquals("2001:db8:7::1", s.get(0).lwb4().toString());
        // a missing watch file: the configuration's own table (the sample has two softwires)
        Files.delete(watch);
        assertEquals(2, LabArgs.parse("--target", "h:1", "--snabb-config", conf.toString(), "--lwb4-port", "1",
                "--internet-port", "2", "--watch", watch.toString()).loadConfig().softwires().size());
    }

    @Test
    public void badWatchFileAtStartNamesLineAndField() throws Exception {
        Path watch = tmp.getRoot().toPath().resolve("b.csv");
        Files.writeString(watch, "ipv4,psid_offset,psid_len,psid,lwb4,br\n"
                + "198.51.100.7,0,0,0,2001:db8:7::1,2001:db8::1\n"
                + "198.51.100.8,0,6,64,2001:db8:8::1,2001:db8::1\n");
        try {
            LabArgs.parse("--target", "h:1", "--snabb-config", snabbSample().toString(), "--lwb4-port", "1",
                    "--internet-port", "2", "--watch", watch.toString()).loadConfig();
            fail("a bad watch file was accepted");
        } catch (LabConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(watch + ": line 3: psid"));
        }
    }

    private Path snabbSample() throws Exception {
        Path conf = tmp.getRoot().toPath().resolve("lwaftr.conf");
        Files.writeString(conf, Resources.toString(Resources.getResource("lwaftr-sample.conf"),
                StandardCharsets.UTF_8));
        return conf;
    }
}
