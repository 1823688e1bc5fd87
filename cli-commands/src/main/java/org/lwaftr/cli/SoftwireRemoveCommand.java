package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;

/**
 * Removes one softwire.
 */
@Service
@Command(scope = "onos", name = "lwaftr-softwire-remove", description = "Removes the softwire of an IPv4 address"
        + " and PSID")
public class SoftwireRemoveCommand extends LwaftrCommand {

    @Argument(index = 0, name = "ipv4", description = "binding-ipv4-addr", required = true)
    @Completion(Ipv4Completer.class)
    String ipv4;

    @Argument(index = 1, name = "psid", description = "PSID (0 for a whole address)", required = true)
    String psid;

    @Override
    protected void run() {
        applyAndPrint(List.of(SoftwireArgs.remove(ipv4, psid)));
    }
}
