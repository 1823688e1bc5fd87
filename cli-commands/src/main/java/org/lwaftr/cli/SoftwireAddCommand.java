package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;

/**
 * Adds (or replaces) one softwire.
 */
@Service
@Command(scope = "onos", name = "lwaftr-softwire-add",
        description = "Adds a softwire: IPv4 address, port set (RFC 7597 §5.1 PSID offset, length, PSID),"
                + " lwB4 and BR IPv6 addresses")
public class SoftwireAddCommand extends LwaftrCommand {

    @Argument(index = 0, name = "ipv4", description = "binding-ipv4-addr", required = true)
    @Completion(Ipv4Completer.class)
    String ipv4;

    @Argument(index = 1, name = "psid-offset", description = "PSID offset a (0-16; 6 keeps ports 0-1023 out)",
            required = true)
    String psidOffset;

    @Argument(index = 2, name = "psid-len", description = "PSID length k (0 = the whole address)", required = true)
    String psidLen;

    @Argument(index = 3, name = "psid", description = "PSID (below 2^k)", required = true)
    String psid;

    @Argument(index = 4, name = "lwb4", description = "binding-ipv6info: the lwB4's IPv6 address, or a prefix (/64 or shorter) it is built from (RFC 7596 §5.1)", required = true)
    String lwb4;

    @Argument(index = 5, name = "br", description = "br-ipv6-addr: the BR address", required = true)
    @Completion(BrCompleter.class)
    String br;

    @Option(name = "-r", aliases = "--replace",
            description = "Replace the softwire with the same IPv4 address and PSID (new lwB4 or BR)")
    boolean replace;

    @Override
    protected void run() {
        applyAndPrint(List.of(SoftwireArgs.add(replace, ipv4, psidOffset, psidLen, psid, lwb4, br)));
    }
}
