package org.lwaftr.codec;

import org.lwaftr.core.CounterValue;
import org.lwaftr.core.PortRange;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;

import java.util.List;

/**
 * Softwires as one line of text, for the CLI and the GUI's table cells.
 */
public final class SoftwireText {

    private static final int RANGES_SHOWN = 3;

    private SoftwireText() {
    }

    /**
     * @param p a port set
     * @return e.g. {@code psid 1/6 @6: 1040-1055, 2064-2079, 3088-3103, … (63 ranges, 1008 ports)},
     *         or {@code whole address} (RFC 7597 §5.1 notation: PSID / length @ offset)
     */
    public static String portSet(PortSet p) {
        if (p.isWholeAddress()) {
            return "whole address";
        }
        return "psid " + p.psid() + "/" + p.length() + " @" + p.offset() + ": " + ports(p);
    }

    /**
     * @param p a port set
     * @return its ports, e.g. {@code 1040-1055, 2064-2079, 3088-3103, … (63 ranges, 1008 ports)}
     */
    public static String ports(PortSet p) {
        List<PortRange> ranges = p.ranges();
        StringBuilder b = new StringBuilder();
        int shown = Math.min(RANGES_SHOWN, ranges.size());
        for (int i = 0; i < shown; i++) {
            PortRange r = ranges.get(i);
            b.append(i > 0 ? ", " : "").append(r.first()).append('-').append(r.last());
        }
        if (ranges.size() > shown) {
            b.append(", …");
        }
        return b.append(" (").append(ranges.size()).append(ranges.size() == 1 ? " range, " : " ranges, ")
                .append(p.size()).append(" ports)").toString();
    }

    /**
     * @param s a softwire
     * @return {@code ipv4=… psid=… offset=… len=… lwb4=… br=… ports=…}
     */
    public static String line(Softwire s) {
        PortSet p = s.portSet();
        return String.format("ipv4=%s psid=%d psid-offset=%d psid-len=%d lwb4=%s br=%s ports=%s",
                s.ipv4(), p.psid(), p.offset(), p.length(), s.lwb4(), s.br(), ports(p));
    }

    /**
     * @param v a counter
     * @return {@code 12 pkts / 3400 B}
     */
    public static String counter(CounterValue v) {
        return v.packets() + " pkts / " + v.bytes() + " B";
    }
}
