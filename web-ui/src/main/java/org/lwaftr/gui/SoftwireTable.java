package org.lwaftr.gui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.core.CounterValue;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.api.SoftwireStats;
import org.lwaftr.codec.InvalidInputException;
import org.lwaftr.codec.SoftwireQuery;
import org.lwaftr.codec.SoftwireText;
import org.lwaftr.core.Softwire;
import org.onosproject.ui.table.TableModel;

/**
 * Fills the GUI's softwire table: one page of the binding table (filters and paging as the CLI and
 * REST), each row with its traffic. Plain code over {@link TableModel}, tested without a GUI.
 */
public final class SoftwireTable {

    public static final String ID = "id";
    public static final String IPV4 = "ipv4";
    public static final String PSID = "psid";
    public static final String PORTS = "ports";
    public static final String LWB4 = "lwb4";
    public static final String BR = "br";
    public static final String DOWN_PKTS = "downPkts";
    public static final String DOWN_BYTES = "downBytes";
    public static final String UP_PKTS = "upPkts";
    public static final String UP_BYTES = "upBytes";

    /** Column ids, in display order. */
    public static final String[] COLUMNS = {ID, IPV4, PSID, PORTS, LWB4, BR, DOWN_PKTS, DOWN_BYTES, UP_PKTS,
        UP_BYTES};

    /** Annotations sent with the rows: how many matched, the page, and a filter error. */
    public static final String TOTAL = "total";
    public static final String OFFSET = "offset";
    public static final String LIMIT = "limit";
    public static final String ERROR = "error";

    /** Request payload members: the filters and the page, as text (like CLI options). */
    static final String[] QUERY = {IPV4, LWB4, BR, OFFSET, LIMIT};

    private SoftwireTable() {
    }

    /**
     * @param s a softwire
     * @return its row id, {@code ipv4/psid}
     */
    public static String rowId(Softwire s) {
        return s.ipv4() + "/" + s.psid();
    }

    /**
     * @param tm      the table to fill
     * @param service the lwAFTR service
     * @param payload the request: filters {@code ipv4, lwb4, br} and page {@code offset, limit}
     */
    public static void fill(TableModel tm, LwaftrService service, ObjectNode payload) {
        SoftwireQuery.Page page;
        try {
            page = SoftwireQuery.parse(text(payload, IPV4), text(payload, LWB4), text(payload, BR),
                    text(payload, OFFSET), text(payload, LIMIT)).run(service);
        } catch (InvalidInputException e) {
            tm.addAnnotation(ERROR, e.getMessage());
            tm.addAnnotation(TOTAL, 0);
            return;
        }
        tm.addAnnotation(TOTAL, page.total());
        tm.addAnnotation(OFFSET, page.offset());
        tm.addAnnotation(LIMIT, page.limit());
        for (Softwire s : page.softwires()) {
            // One counter read per row of the page only (the service reads the devices).
            SoftwireStats st = service.stats(s.key()).orElse(null);
            CounterValue down = st == null ? CounterValue.ZERO : st.downstream();
            CounterValue up = st == null ? CounterValue.ZERO : st.upstream();
            tm.addRow()
                    .cell(ID, rowId(s))
                    .cell(IPV4, s.ipv4().toString())
                    .cell(PSID, s.psid())
                    .cell(PORTS, SoftwireText.portSet(s.portSet()))
                    .cell(LWB4, s.lwb4().toString())
                    .cell(BR, s.br().toString())
                    .cell(DOWN_PKTS, down.packets())
                    .cell(DOWN_BYTES, down.bytes())
                    .cell(UP_PKTS, up.packets())
                    .cell(UP_BYTES, up.bytes());
        }
    }

    private static String text(ObjectNode payload, String field) {
        return payload != null && payload.hasNonNull(field) ? payload.get(field).asText() : null;
    }
}
