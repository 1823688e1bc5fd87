package org.lwaftr.gui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.api.SoftwireStats;
import org.lwaftr.codec.Inputs;
import org.lwaftr.codec.InvalidInputException;
import org.lwaftr.codec.PolicyView;
import org.lwaftr.codec.SoftwireText;
import org.lwaftr.codec.StatsCodec;
import org.lwaftr.codec.StatsSummary;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.onosproject.ui.RequestHandler;
import org.onosproject.ui.UiMessageHandler;
import org.onosproject.ui.table.TableModel;
import org.onosproject.ui.table.TableRequestHandler;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The lwAFTR view's server side: the softwire table, the summary panel (counts, punt and drop
 * reasons, slow path) and a softwire's details.
 */
public class LwaftrUiMessageHandler extends UiMessageHandler {

    static final String TABLE_REQ = "lwaftrDataRequest";
    static final String TABLE_RESP = "lwaftrDataResponse";
    static final String TABLE_ROOT = "lwaftrs";
    static final String SUMMARY_REQ = "lwaftrSummaryRequest";
    static final String SUMMARY_RESP = "lwaftrSummaryResponse";
    static final String DETAILS_REQ = "lwaftrDetailsRequest";
    static final String DETAILS_RESP = "lwaftrDetailsResponse";

    @Override
    protected Collection<RequestHandler> createRequestHandlers() {
        return List.of(new TableHandler(), new SummaryHandler(), new DetailsHandler());
    }

    private final class TableHandler extends TableRequestHandler {
        private TableHandler() {
            super(TABLE_REQ, TABLE_RESP, TABLE_ROOT);
        }

        @Override
        protected String[] getColumnIds() {
            return SoftwireTable.COLUMNS;
        }

        @Override
        protected String defaultColumnId() {
            return SoftwireTable.IPV4;
        }

        @Override
        protected String noRowsMessage(ObjectNode payload) {
            return "No softwires";
        }

        @Override
        protected void populateTable(TableModel tm, ObjectNode payload) {
            SoftwireTable.fill(tm, get(LwaftrService.class), payload);
        }
    }

    /** Counts, punt/drop reasons summed over the devices and per device, slow-path counters. */
    private final class SummaryHandler extends RequestHandler {
        private SummaryHandler() {
            super(SUMMARY_REQ);
        }

        @Override
        public void process(ObjectNode payload) {
            LwaftrService service = get(LwaftrService.class);
            StatsSummary sum = StatsSummary.read(service);
            ObjectNode o = sum.toJson();
            o.set("punt-totals", StatsCodec.reasons(sum.puntTotals()));
            o.set("drop-totals", StatsCodec.reasons(sum.dropTotals()));
            o.set("policy", PolicyView.policy(service.policy()));
            sendMessage(SUMMARY_RESP, o);
        }
    }

    /** One softwire: its binding entry, every port range, its traffic. */
    private final class DetailsHandler extends RequestHandler {
        private DetailsHandler() {
            super(DETAILS_REQ);
        }

        @Override
        public void process(ObjectNode payload) {
            String id = string(payload, SoftwireTable.ID, "");
            ObjectNode o = objectNode();
            o.put(SoftwireTable.ID, id);
            try {
                int slash = id.indexOf('/');
                SoftwireKey key = Inputs.key(slash < 0 ? id : id.substring(0, slash),
                        slash < 0 ? "" : id.substring(slash + 1));
                Optional<SoftwireStats> st = get(LwaftrService.class).stats(key);
                if (st.isPresent()) {
                    Softwire s = st.get().softwire();
                    ObjectNode d = StatsCodec.encode(st.get());
                    d.put("ports", SoftwireText.portSet(s.portSet()));
                    d.put("port-count", s.portSet().size());
                    o.set("details", d);
                } else {
                    o.put("error", "no softwire " + key);
                }
            } catch (InvalidInputException e) {
                o.put("error", e.getMessage());
            }
            sendMessage(DETAILS_RESP, o);
        }
    }
}
