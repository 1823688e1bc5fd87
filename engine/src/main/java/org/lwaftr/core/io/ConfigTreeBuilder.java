package org.lwaftr.core.io;

import org.lwaftr.core.io.SnabbLexer.Token;

/** Builds a {@link ConfigNode} tree from parser events. */
class ConfigTreeBuilder implements SnabbParser.Listener {

    private final ConfigNode root = new ConfigNode(null, "", null, 1, 1, true);
    private ConfigNode current = root;

    /** @return the root (empty keyword, the top-level statements as children) */
    ConfigNode root() {
        return root;
    }

    /** @return the innermost open block */
    ConfigNode current() {
        return current;
    }

    @Override
    public void leaf(Token keyword, Token argument) {
        new ConfigNode(current, keyword.text, argument == null ? null : argument.text, keyword.line,
                keyword.column, false);
    }

    @Override
    public void enter(Token keyword, Token argument) {
        current = new ConfigNode(current, keyword.text, argument == null ? null : argument.text, keyword.line,
                keyword.column, true);
    }

    @Override
    public void exit(Token close) {
        current = current.parent();
    }
}
