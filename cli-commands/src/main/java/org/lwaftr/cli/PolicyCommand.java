package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.lwaftr.codec.PolicyView;

/**
 * Shows the configuration in force (always JSON: it is netcfg's own syntax, RFC 8676 names).
 */
@Service
@Command(scope = "onos", name = "lwaftr-policy", description = "Shows the lwAFTR policy and AFTR device settings in"
        + " force (netcfg syntax)")
public class PolicyCommand extends LwaftrCommand {

    @Override
    protected void run() {
        printJson(PolicyView.toJson(service()));
    }
}
