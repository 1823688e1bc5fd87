package org.lwaftr.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.io.BindingTableFormats;
import org.lwaftr.provisioning.KeaReservationsFile;
import org.lwaftr.provisioning.KeaS46Reservations;
import org.lwaftr.provisioning.LwB4Identities;
import org.lwaftr.provisioning.ProvisioningInputException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code lwaftr-controller provisioning-kea}: the lwB4s' Kea DHCPv6 reservations (RFC 7598 lw4o6
 * container per lwB4) from a binding-table file in any supported format, as the ONOS app's REST
 * {@code POST /provisioning/kea} and CLI {@code lwaftr-provisioning-kea} make them.
 */
public final class ProvisioningKeaMain {
    static final String USAGE = "usage: lwaftr-controller provisioning-kea --binding-table FILE --identities FILE"
            + " [--out FILE]\n  identities: CSV lwb4,duid or lwb4,hw-address; --out replaces FILE atomically";

    private ProvisioningKeaMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit status: 0 done, 2 bad arguments or input (one error line) */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String table = null;
        String identities = null;
        String target = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.length || !(a.equals("--binding-table") || a.equals("--identities") || a.equals("--out"))) {
                err.println("error: " + a + ": unknown option or missing value\n" + USAGE);
                return 2;
            }
            String v = args[++i];
            if (a.equals("--binding-table")) {
                table = v;
            } else if (a.equals("--identities")) {
                identities = v;
            } else {
                target = v;
            }
        }
        if (table == null || identities == null) {
            err.println("error: --binding-table and --identities are required\n" + USAGE);
            return 2;
        }
        try {
            LwB4Identities ids;
            try (Reader r = Files.newBufferedReader(Path.of(identities), StandardCharsets.UTF_8)) {
                ids = LwB4Identities.read(r, identities);
            }
            KeaS46Reservations res = KeaS46Reservations.of(BindingTableFormats.read(Path.of(table)).softwires(), ids);
            res.skipped().forEach(s -> err.println("warning: skipped " + s));
            String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(res.reservations());
            if (target == null) {
                out.println(json);
            } else {
                KeaReservationsFile.write(Path.of(target), json + "\n");
                err.println(res.reservations().size() + " reservations written to " + target);
            }
            return 0;
        } catch (ProvisioningInputException e) {
            err.println("error: " + e.getMessage());
        } catch (InvalidBindingException e) {
            err.println("error: " + table + ": " + e.getMessage());
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
        }
        return 2;
    }
}
