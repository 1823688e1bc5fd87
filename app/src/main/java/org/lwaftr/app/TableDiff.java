package org.lwaftr.app;

import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.Softwire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The smallest batch that turns a table into a target table: removals first (so freed port sets
 * and shapes can be reused by the additions), then replacements and additions.
 */
final class TableDiff {

    private TableDiff() {
    }

    /**
     * @param table  the current table
     * @param target the softwires wanted
     * @return the changes
     * @throws InvalidBindingException if the target holds one key twice (naming its position)
     */
    static List<BindingChange> changes(BindingTable table, Collection<Softwire> target) {
        Map<Long, Softwire> want = new HashMap<>(target.size() * 2);
        int i = 0;
        for (Softwire s : target) {
            if (want.put(s.key().packed(), s) != null) {
                throw new InvalidBindingException(i, Softwire.F_PSID, "entry " + i + ": softwire " + s.key()
                        + " appears twice");
            }
            i++;
        }
        List<BindingChange> removes = new ArrayList<>();
        List<BindingChange> rest = new ArrayList<>();
        for (Softwire old : table.softwires()) {
            Softwire s = want.get(old.key().packed());
            if (s == null) {
                removes.add(BindingChange.remove(old.key()));
            } else if (!s.portSet().equals(old.portSet())) {
                removes.add(BindingChange.remove(old.key()));
                rest.add(BindingChange.add(s));
            } else if (!s.equals(old)) {
                rest.add(BindingChange.replace(s));
            }
        }
        for (Softwire s : target) {
            if (table.get(s.key()) == null) {
                rest.add(BindingChange.add(s));
            }
        }
        removes.addAll(rest);
        return removes;
    }
}
