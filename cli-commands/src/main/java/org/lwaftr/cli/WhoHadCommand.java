package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.lwaftr.api.BindingRecord;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.codec.CliText;
import org.lwaftr.codec.Inputs;
import org.lwaftr.codec.SoftwireCodec;
import org.onlab.packet.Ip4Address;

import java.time.Instant;
import java.util.Optional;

/**
 * Who had an IPv4 address and port at a time: the question of an abuse report (RFC 7422).
 */
@Service
@Command(scope = "onos", name = "lwaftr-who-had", description = "Shows the softwire that held an IPv4 address and"
        + " port at a time (RFC 7422 abuse reports)")
public class WhoHadCommand extends LwaftrCommand {

    @Argument(index = 0, name = "ipv4", description = "IPv4 address", required = true)
    @Completion(Ipv4Completer.class)
    String ipv4;

    @Argument(index = 1, name = "port", description = "port", required = true)
    String port;

    @Argument(index = 2, name = "time", description = "ISO-8601 instant with zone (2024-05-01T10:15:30Z),"
            + " ms since the epoch, or 'now'", required = true)
    String time;

    @Override
    protected void run() {
        Ip4Address a = Inputs.ipv4("ipv4", ipv4);
        int p = Inputs.port(Inputs.F_PORT, port);
        long t = Inputs.time(Inputs.F_TIME, time, System.currentTimeMillis());
        LwaftrService service = service();
        Optional<BindingRecord> r = service.whoHad(a, p, t);
        if (r.isEmpty()) {
            long since = service.historyCompleteSince();
            error("No softwire held %s port %d at %s%s", a, p, Instant.ofEpochMilli(t),
                    t < since ? " (the history is complete only since " + Instant.ofEpochMilli(since) + ")" : "");
        } else if (outputJson()) {
            printJson(SoftwireCodec.encode(r.get()));
        } else {
            print("%s", CliText.record(r.get()));
        }
    }
}
