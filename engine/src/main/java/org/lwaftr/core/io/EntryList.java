package org.lwaftr.core.io;

import org.lwaftr.core.Softwire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Softwires being imported, each with the line it starts on; grows without boxing. */
final class EntryList {

    private final ArrayList<Softwire> softwires = new ArrayList<>();
    private int[] lines = new int[1024];

    void add(Softwire s, int line) {
        if (softwires.size() == lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
        }
        lines[softwires.size()] = line;
        softwires.add(s);
    }

    int size() {
        return softwires.size();
    }

    List<Softwire> softwires() {
        softwires.trimToSize();
        return softwires;
    }

    int[] lines() {
        return Arrays.copyOf(lines, softwires.size());
    }
}
