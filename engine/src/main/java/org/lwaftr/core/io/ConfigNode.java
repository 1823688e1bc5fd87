package org.lwaftr.core.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement of a Snabb configuration: a leaf ({@code mtu 1460;}) or a block
 * ({@code external-interface { ... }}), with where it was written. The root has an empty keyword
 * and holds the top-level statements. Built by {@link SnabbConfig#parse}.
 */
public final class ConfigNode {

    private final ConfigNode parent;
    private final String keyword;
    private final String argument;
    private final int line;
    private final int column;
    private final List<ConfigNode> children;

    ConfigNode(ConfigNode parent, String keyword, String argument, int line, int column, boolean block) {
        this.parent = parent;
        this.keyword = keyword;
        this.argument = argument;
        this.line = line;
        this.column = column;
        this.children = block ? new ArrayList<>() : null;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /** @return the keyword ("" for the root) */
    public String keyword() {
        return keyword;
    }

    /** @return the argument, or null ("keyword;" or a block without one) */
    public String argument() {
        return argument;
    }

    /** @return 1-based line of the keyword */
    public int line() {
        return line;
    }

    /** @return 1-based column of the keyword */
    public int column() {
        return column;
    }

    /** @return true for a block (even an empty one), false for a leaf */
    public boolean isBlock() {
        return children != null;
    }

    /** @return the enclosing block, null for the root */
    public ConfigNode parent() {
        return parent;
    }

    /** @return the statements in the block, in file order (empty for a leaf) */
    public List<ConfigNode> children() {
        return children == null ? Collections.emptyList() : Collections.unmodifiableList(children);
    }

    /**
     * @param kw a keyword
     * @return every statement with that keyword directly in this block (a YANG list's entries)
     */
    public List<ConfigNode> children(String kw) {
        List<ConfigNode> out = new ArrayList<>();
        for (ConfigNode c : children()) {
            if (c.keyword.equals(kw)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * @param path keywords, one per level
     * @return the first statement along that path, or null
     */
    public ConfigNode find(String... path) {
        ConfigNode n = this;
        for (String kw : path) {
            ConfigNode next = null;
            for (ConfigNode c : n.children()) {
                if (c.keyword.equals(kw)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            n = next;
        }
        return n;
    }

    /**
     * @param path keywords leading to a leaf
     * @return its argument, or null if absent
     */
    public String value(String... path) {
        ConfigNode n = find(path);
        return n == null ? null : n.argument;
    }

    /** @return the keywords from the top, dot-separated ("softwire-config.external-interface.mtu") */
    public String path() {
        if (parent == null) {
            return keyword;
        }
        String p = parent.path();
        return p.isEmpty() ? keyword : p + "." + keyword;
    }

    @Override
    public String toString() {
        return path() + (argument == null ? "" : " " + argument) + " (line " + line + ")";
    }
}
