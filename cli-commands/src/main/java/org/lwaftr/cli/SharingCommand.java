package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.codec.Inputs;
import org.lwaftr.codec.SharingCodec;
import org.lwaftr.core.SharingReport;

import java.util.List;
import java.util.Map;

/**
 * Address sharing in the binding table: totals and the sharing-ratio histogram, a page of addresses
 * ({@code --addresses}), or one address.
 */
@Service
@Command(scope = "onos", name = "lwaftr-sharing", description = "Shows how IPv4 addresses are shared:"
        + " totals, per address (--addresses) or one address")
public class SharingCommand extends LwaftrCommand {

    @Argument(index = 0, name = "ipv4", description = "one address", required = false)
    @Completion(Ipv4Completer.class)
    String ipv4;

    @Option(name = "--addresses", description = "list the addresses (ascending)")
    boolean list;

    @Option(name = "--offset", description = "first address listed (0-based)")
    String offset = "0";

    @Option(name = "--limit", description = "addresses listed at most")
    String limit = "100";

    @Override
    protected void run() {
        LwaftrService s = service();
        SharingReport r = SharingReport.of(s.softwires(0, s.count()));
        if (ipv4 != null) {
            var a = r.address(Inputs.ipv4("ipv4", ipv4));
            if (a.isEmpty()) {
                error("No softwire uses %s", ipv4);
            } else if (outputJson()) {
                printJson(SharingCodec.address(a.get()));
            } else {
                print("%s", line(a.get()));
            }
            return;
        }
        if (list) {
            int from = (int) Inputs.integer("offset", offset, 0, Integer.MAX_VALUE);
            int n = (int) Inputs.integer("limit", limit, 0, Integer.MAX_VALUE);
            List<SharingReport.Address> all = r.addresses();
            List<SharingReport.Address> page = all.subList(Math.min(from, all.size()),
                    (int) Math.min(all.size(), (long) Math.min(from, all.size()) + n));
            if (outputJson()) {
                printJson(SharingCodec.page(page, all.size()));
            } else {
                page.forEach(a -> print("%s", line(a)));
                print("%d of %d addresses", page.size(), all.size());
            }
            return;
        }
        if (outputJson()) {
            printJson(SharingCodec.summary(r));
            return;
        }
        print("%d addresses: %d fully used, %d partly used", r.addresses().size(), r.fullyUsed(), r.partlyUsed());
        for (Map.Entry<Integer, int[]> e : r.sharingRatioHistogram().entrySet()) {
            print("  sharing ratio %5d: %d addresses, %d softwires", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
    }

    static String line(SharingReport.Address a) {
        return String.format("%s a=%d k=%d: %d/%d softwires, ports %d allocated %d free, lwB4s %s", a.ipv4(),
                a.shape().offset(), a.shape().length(), a.softwires(), a.sharingRatio(), a.portsAllocated(),
                a.portsFree(), a.lwb4s());
    }
}
