package org.lwaftr.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.lwaftr.codec.CliText;
import org.lwaftr.codec.Inputs;
import org.lwaftr.codec.SoftwireCodec;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;

import java.util.Optional;

/**
 * Which softwire holds an IPv4 address and port (RFC 7596 §6.2).
 */
@Service
@Command(scope = "onos", name = "lwaftr-lookup", description = "Shows the softwire that holds an IPv4 address and"
        + " port now")
public class LookupCommand extends LwaftrCommand {

    @Argument(index = 0, name = "ipv4", description = "IPv4 address", required = true)
    @Completion(Ipv4Completer.class)
    String ipv4;

    @Argument(index = 1, name = "port", description = "port or ICMP identifier", required = true)
    String port;

    @Override
    protected void run() {
        Ip4Address a = Inputs.ipv4("ipv4", ipv4);
        int p = Inputs.port(Inputs.F_PORT, port);
        Optional<Softwire> s = service().lookup(a, p);
        if (s.isEmpty()) {
            error("No softwire holds %s port %d", a, p);
        } else if (outputJson()) {
            ObjectNode o = SoftwireCodec.encode(s.get());
            o.put(Inputs.F_PORT, p);
            printJson(o);
        } else {
            print("%s", CliText.lookup(a.toString(), p, s.get()));
        }
    }
}
