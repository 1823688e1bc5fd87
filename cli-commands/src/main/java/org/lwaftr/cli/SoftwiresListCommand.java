package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.lwaftr.codec.CliText;
import org.lwaftr.codec.SoftwireQuery;

/**
 * Lists softwires, a page at a time, optionally filtered.
 */
@Service
@Command(scope = "onos", name = "lwaftr-softwires",
        description = "Lists lwAFTR softwires (RFC 7596 binding table), in (IPv4, PSID) order")
public class SoftwiresListCommand extends LwaftrCommand {

    @Option(name = "--ipv4", description = "Only softwires of this IPv4 address")
    @Completion(Ipv4Completer.class)
    String ipv4;

    @Option(name = "--lwb4", description = "Only softwires of this lwB4 IPv6 address")
    String lwb4;

    @Option(name = "--br", description = "Only softwires terminated by this BR IPv6 address")
    @Completion(BrCompleter.class)
    String br;

    @Option(name = "--offset", description = "First row to show (default 0)")
    String offset;

    @Option(name = "--limit", description = "Rows to show (default 100, at most 10000)")
    String limit;

    @Option(name = "--sort", description = "Order: ipv4 (key order, the default), lwb4 or br")
    String sort;

    @Override
    protected void run() {
        SoftwireQuery.Page page = SoftwireQuery.parse(ipv4, lwb4, br, offset, limit, sort).run(service());
        if (outputJson()) {
            printJson(page.toJson());
        } else {
            printLines(CliText.page(page));
        }
    }
}
