package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.core.Softwire;
import org.onosproject.cli.AbstractChoicesCompleter;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.onosproject.cli.AbstractShellCommand.get;

/**
 * Completes bound IPv4 addresses (from the first page of the table: a million would not help).
 */
@Service
public class Ipv4Completer extends AbstractChoicesCompleter {

    /** How many softwires are scanned for addresses. */
    static final int SCAN = 1000;

    @Override
    protected List<String> choices() {
        TreeSet<String> out = new TreeSet<>();
        for (Softwire s : get(LwaftrService.class).softwires(0, SCAN)) {
            out.add(s.ipv4().toString());
        }
        return new ArrayList<>(out);
    }
}
