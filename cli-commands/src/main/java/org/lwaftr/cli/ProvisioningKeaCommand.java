package org.lwaftr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.provisioning.KeaS46Reservations;
import org.lwaftr.provisioning.LwB4Identities;
import org.lwaftr.provisioning.ProvisioningInputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The lwB4s' DHCPv6 provisioning (RFC 7598 lw4o6 container per lwB4) for Kea, from the binding
 * table: printed, or written to a file (replaced atomically) for {@code "reservations": <?include?>}.
 */
@Service
@Command(scope = "onos", name = "lwaftr-provisioning-kea", description = "Writes Kea DHCPv6 reservations"
        + " carrying each lwB4's RFC 7598 softwire options, from the binding table")
public class ProvisioningKeaCommand extends LwaftrCommand {

    @Argument(index = 0, name = "identities", description = "CSV file: lwb4,duid or lwb4,hw-address", required = true)
    String identities;

    @Option(name = "--out", description = "write the reservations (a JSON array) to this file instead of printing them")
    String out;

    @Override
    protected void run() {
        LwB4Identities ids;
        try (Reader r = Files.newBufferedReader(Path.of(identities), StandardCharsets.UTF_8)) {
            ids = LwB4Identities.read(r, identities);
        } catch (ProvisioningInputException e) {
            error("Error: %s", e.getMessage());
            return;
        } catch (IOException e) {
            error("Error: cannot read %s: %s", identities, e.getMessage());
            return;
        }
        LwaftrService service = service();
        KeaS46Reservations res = KeaS46Reservations.of(service.softwires(0, service.count()), ids);
        res.skipped().forEach(s -> print("skipped: %s", s));
        try {
            String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(res.reservations());
            if (out == null) {
                print("%s", json);
                return;
            }
            Path target = Path.of(out);
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".lwaftr-kea", ".tmp");
            Files.writeString(tmp, json + "\n");
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            print("%d reservations written to %s", res.reservations().size(), out);
        } catch (IOException e) {
            error("Error: cannot write %s: %s", out, e.getMessage());
        }
    }
}
