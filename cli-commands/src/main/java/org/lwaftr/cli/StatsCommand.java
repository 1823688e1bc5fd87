package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.lwaftr.api.SoftwireStats;
import org.lwaftr.codec.CliText;
import org.lwaftr.codec.Inputs;
import org.lwaftr.codec.StatsCodec;
import org.lwaftr.codec.StatsSummary;
import org.lwaftr.core.SoftwireKey;

import java.util.Optional;

/**
 * Counters: one softwire's traffic, or the punt/drop reasons per device and the slow path's.
 */
@Service
@Command(scope = "onos", name = "lwaftr-stats", description = "Shows lwAFTR counters: per softwire (IPV4 PSID),"
        + " else per punt/drop reason and device, and the slow path's")
public class StatsCommand extends LwaftrCommand {

    @Argument(index = 0, name = "ipv4", description = "IPv4 address of one softwire")
    @Completion(Ipv4Completer.class)
    String ipv4;

    @Argument(index = 1, name = "psid", description = "PSID of that softwire")
    String psid;

    @Override
    protected void run() {
        if (ipv4 == null) {
            StatsSummary sum = StatsSummary.read(service());
            if (outputJson()) {
                printJson(sum.toJson());
            } else {
                printLines(CliText.summary(sum));
            }
            return;
        }
        SoftwireKey key = Inputs.key(ipv4, psid);
        Optional<SoftwireStats> s = service().stats(key);
        if (s.isEmpty()) {
            error("No softwire %s", key);
        } else if (outputJson()) {
            printJson(StatsCodec.encode(s.get()));
        } else {
            printLines(CliText.stats(s.get()));
        }
    }
}
