package org.lwaftr.filter;

import org.lwaftr.filter.Primitives.Dir;
import org.lwaftr.filter.Primitives.Family;
import org.onlab.packet.IpAddress;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the subset of pcap-filter(7) that the filter tables can match, straight into a
 * {@link DecisionList}. pcap-filter's grammar: {@code not} binds tightest, {@code and} and
 * {@code or} have equal precedence and associate left to right; a bare address or number reuses
 * the previous primitive's qualifiers ({@code port 80 or 443}). Everything else is refused with
 * the offset and token where it fails.
 */
final class PcapFilterParser {
    private static final Set<String> DIRS = Set.of("src", "dst");
    private static final Set<String> TYPES = Set.of("host", "net", "port", "portrange", "proto");
    private static final Set<String> PROTOS = Set.of("ether", "ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp",
            "icmp6", "igmp", "sctp");
    private static final Set<String> OPERATORS = Set.of("and", "or", "not", "&&", "||", "!", "(", ")");
    /** Protocol names pcap-filter accepts after {@code proto} (with or without a backslash). */
    private static final Map<String, Integer> IP_PROTOCOLS = Map.of("icmp", 1, "igmp", 2, "tcp", 6, "udp", 17,
            "icmp6", 58, "sctp", 132, "ipip", 4);
    private static final Map<String, Integer> ETHER_PROTOCOLS = Map.of("ip", Primitives.ETHERTYPE_IPV4,
            "ip6", Primitives.ETHERTYPE_IPV6, "arp", Primitives.ETHERTYPE_ARP, "rarp", 0x8035);

    private final String expr;
    private final List<Token> toks;
    private final int limit;
    private int pos;
    /** Qualifiers of the last primitive with an id: reused by a bare id. */
    private Quals last;

    private PcapFilterParser(String expr, int limit) {
        this.expr = expr;
        this.toks = Token.split(expr);
        this.limit = limit;
    }

    /** Qualifiers of one primitive (pcap-filter: proto, dir, type). */
    private static final class Quals {
        String proto;
        Dir dir;
        String type;
    }

    static DecisionList parse(String expr, int limit) {
        PcapFilterParser p = new PcapFilterParser(expr, limit);
        if (p.toks.isEmpty()) {
            return DecisionList.TRUE;   // pcap-filter: the empty filter accepts everything
        }
        DecisionList d = p.expression();
        if (p.pos < p.toks.size()) {
            throw p.error(p.toks.get(p.pos), "expected 'and', 'or' or the end");
        }
        return d;
    }

    private DecisionList expression() {
        DecisionList acc = term();
        while (pos < toks.size()) {
            Token op = toks.get(pos);
            boolean and = op.is("and") || op.is("&&");
            if (!and && !op.is("or") && !op.is("||")) {
                break;
            }
            pos++;
            DecisionList right = term();
            try {
                acc = and ? acc.and(right, limit) : acc.or(right, limit);
            } catch (DecisionList.TooLarge e) {
                throw error(op, "the expression needs more than " + limit + " table entries (" + e.size
                        + " at this operator)");
            }
        }
        return acc;
    }

    private DecisionList term() {
        Token t = next("a primitive, 'not' or '('");
        if (t.is("not") || t.is("!")) {
            return term().not();
        }
        if (t.is("(")) {
            DecisionList d = expression();
            Token close = next("')'");
            if (!close.is(")")) {
                throw error(close, "expected ')'");
            }
            return d;
        }
        return primitive(t);
    }

    private DecisionList primitive(Token t) {
        if (t.is("len")) {
            return length(next("a comparison"), t);
        }
        if (t.is("less") || t.is("greater")) {
            long n = number(next("a number"), Long.MAX_VALUE);
            return t.is("less") ? Primitives.length(0, n) : Primitives.length(n, Long.MAX_VALUE);
        }
        Quals q = new Quals();
        Token cur = t;
        if (PROTOS.contains(cur.text)) {
            q.proto = cur.text;
            Token after = peek();
            if (after != null && after.is("[")) {
                throw error(after, "byte access (proto[offset]) is not supported");
            }
            if (after == null || (!DIRS.contains(after.text) && !TYPES.contains(after.text))) {
                return protocolOnly(cur);
            }
            cur = next("");
        }
        if (DIRS.contains(cur.text)) {
            q.dir = dir(cur);
            cur = next("host, net, port, portrange or an address");
        }
        if (TYPES.contains(cur.text)) {
            q.type = cur.text;
            cur = next("a value for '" + q.type + "'");
        }
        if (q.proto == null && q.dir == null && q.type == null) {
            boolean number = !cur.text.isEmpty() && Character.isDigit(cur.text.charAt(0));
            if ((last == null || !number) && !looksLikeAddress(cur.text)) {
                throw error(cur, unknownWord(cur.text));
            }
            q = last != null ? last : q;    // pcap-filter: a bare id takes the last qualifiers
        }
        if (OPERATORS.contains(cur.text) || PROTOS.contains(cur.text) || TYPES.contains(cur.text)) {
            throw error(cur, "expected a value, not '" + cur.text + "'");
        }
        DecisionList d = withId(q, cur);
        last = q;
        return d;
    }

    private DecisionList protocolOnly(Token t) {
        switch (t.text) {
            case "ip":
            case "ip6":
            case "arp":
            case "rarp":
                return Primitives.etherType(ETHER_PROTOCOLS.get(t.text));
            case "tcp":
            case "udp":
            case "sctp":
                return Primitives.protocol(Family.ANY, IP_PROTOCOLS.get(t.text));
            case "icmp":
            case "igmp":
                return Primitives.protocol(Family.V4, IP_PROTOCOLS.get(t.text));
            case "icmp6":
                return Primitives.protocol(Family.V6, IP_PROTOCOLS.get(t.text));
            default:
                throw error(t, "'" + t.text + "' needs 'proto' here (ether host/src/dst: MAC addresses are not matched)");
        }
    }

    private Dir dir(Token t) {
        Token op = peek();
        Token other = pos + 1 < toks.size() ? toks.get(pos + 1) : null;
        if (op != null && (op.is("or") || op.is("and")) && other != null && DIRS.contains(other.text)
                && !other.is(t.text)) {
            pos += 2;
            return op.is("or") ? Dir.SRC_OR_DST : Dir.SRC_AND_DST;
        }
        return t.is("src") ? Dir.SRC : Dir.DST;
    }

    private DecisionList withId(Quals q, Token id) {
        String type = q.type == null ? "host" : q.type;
        Dir dir = q.dir == null ? Dir.SRC_OR_DST : q.dir;
        switch (type) {
            case "proto":
                return proto(q, id);
            case "port":
            case "portrange":
                return ports(q, type, id, dir);
            case "net":
                return net(q, id, dir);
            default:
                return host(q, id, dir);
        }
    }

    private DecisionList proto(Quals q, Token id) {
        if (q.dir != null) {
            throw error(id, "'src'/'dst' do not apply to 'proto'");
        }
        String name = id.text.startsWith("\\") ? id.text.substring(1) : id.text;
        if ("ether".equals(q.proto)) {
            Integer known = ETHER_PROTOCOLS.get(name);
            return Primitives.etherType(known != null ? known : number(id, 0xffff));
        }
        Integer known = IP_PROTOCOLS.get(name);
        long p = known != null ? known : number(id, 255);
        if (q.proto == null) {
            return Primitives.protocol(Family.ANY, p);
        }
        if (q.proto.equals("ip") || q.proto.equals("ip6")) {
            return Primitives.protocol(q.proto.equals("ip") ? Family.V4 : Family.V6, p);
        }
        throw error(id, "'" + q.proto + " proto' is not supported (ether, ip or ip6 proto)");
    }

    private DecisionList ports(Quals q, String type, Token id, Dir dir) {
        List<Integer> protos;
        if (q.proto == null) {
            protos = List.of(Primitives.PROTO_TCP, Primitives.PROTO_UDP);
        } else if (q.proto.equals("tcp") || q.proto.equals("udp")) {
            protos = List.of(IP_PROTOCOLS.get(q.proto));
        } else {
            throw error(id, "'" + q.proto + " " + type + "' is not supported (tcp or udp ports only)");
        }
        long low;
        long high;
        if (type.equals("portrange")) {
            int dash = id.text.indexOf('-', 1);
            if (dash < 0) {
                throw error(id, "a port range is written N-M");
            }
            low = portNumber(id, id.text.substring(0, dash));
            high = portNumber(id, id.text.substring(dash + 1));
            if (low > high) {
                throw error(id, "the range's start is above its end");
            }
        } else {
            low = portNumber(id, id.text);
            high = low;
        }
        return Primitives.ports(low, high, protos, dir);
    }

    private long portNumber(Token id, String text) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            throw error(id, "port names are not supported, give the number");
        }
        return parseNumber(id, text, 65535);
    }

    private DecisionList host(Quals q, Token id, Dir dir) {
        byte[] a = address(id, q);
        return Primitives.address(a, a.length * 8, dir);
    }

    private DecisionList net(Quals q, Token id, Dir dir) {
        String text = id.text;
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        byte[] a;
        int len;
        if (addr.contains(":")) {
            a = address(new Token2(addr, id), q);
            len = slash < 0 ? 128 : (int) parseNumber(id, text.substring(slash + 1), 128);
        } else {
            String[] parts = addr.split("\\.", -1);
            if (parts.length > 4) {
                throw error(id, "'" + addr + "' is not an IPv4 network");
            }
            StringBuilder full = new StringBuilder(addr);
            for (int i = parts.length; i < 4; i++) {
                full.append(".0");
            }
            a = address(new Token2(full.toString(), id), q);
            if (slash >= 0) {
                len = (int) parseNumber(id, text.substring(slash + 1), 32);
            } else if (peek() != null && peek().is("mask")) {
                pos++;
                Token m = next("a netmask");
                len = maskLength(m, address(m, q));
            } else {
                len = 8 * parts.length;  // pcap-filter: net 10 = 10.0.0.0/8, net 10.1 = /16
            }
        }
        int bits = a.length * 8;
        java.math.BigInteger v = new java.math.BigInteger(1, a);
        if (v.and(java.math.BigInteger.ONE.shiftLeft(bits - len).subtract(java.math.BigInteger.ONE)).signum() != 0) {
            throw error(id, "non-network bits set in " + text);
        }
        return Primitives.address(a, len, dir);
    }

    private int maskLength(Token m, byte[] mask) {
        java.math.BigInteger v = new java.math.BigInteger(1, mask);
        int len = v.bitCount();
        if (mask.length != 4 || !v.shiftRight(32 - len).equals(java.math.BigInteger.ONE.shiftLeft(len)
                .subtract(java.math.BigInteger.ONE))) {
            throw error(m, "'" + m.text + "' is not an IPv4 netmask");
        }
        return len;
    }

    /** An address token within a larger token (for error offsets). */
    private static final class Token2 {
        final String text;
        final Token at;

        Token2(String text, Token at) {
            this.text = text;
            this.at = at;
        }
    }

    private byte[] address(Token id, Quals q) {
        return address(new Token2(id.text, id), q);
    }

    private byte[] address(Token2 t, Quals q) {
        if (q.proto != null && (q.proto.equals("ether") || q.proto.equals("arp") || q.proto.equals("rarp"))) {
            throw error(t.at, "'" + q.proto + "' addresses are not supported (MAC and ARP addresses are not matched)");
        }
        if (!looksLikeAddress(t.text)) {
            throw error(t.at, "'" + t.text + "' is not an IPv4 or IPv6 address (host names are not supported)");
        }
        IpAddress a;
        try {
            a = IpAddress.valueOf(t.text);
        } catch (IllegalArgumentException e) {
            throw error(t.at, "'" + t.text + "' is not an IPv4 or IPv6 address");
        }
        if (q.proto != null && !(q.proto.equals("ip") && a.isIp4()) && !(q.proto.equals("ip6") && a.isIp6())) {
            throw error(t.at, "'" + q.proto + "' with address " + t.text + " is not supported");
        }
        return a.toOctets();
    }

    private static boolean looksLikeAddress(String s) {
        return s.contains(":") || (!s.isEmpty() && Character.isDigit(s.charAt(0)) && s.contains("."));
    }

    private DecisionList length(Token op, Token len) {
        long n = number(next("a number"), Long.MAX_VALUE);
        switch (op.text) {
            case "<":
                return Primitives.length(0, n - 1);
            case "<=":
                return Primitives.length(0, n);
            case ">":
                return Primitives.length(n + 1, Long.MAX_VALUE);
            case ">=":
                return Primitives.length(n, Long.MAX_VALUE);
            case "=":
            case "==":
                return Primitives.length(n, n);
            case "!=":
                return Primitives.length(n, n).not();
            default:
                throw error(op, "expected a comparison (< <= > >= = !=) after 'len'");
        }
    }

    private long number(Token t, long max) {
        return parseNumber(t, t.text, max);
    }

    /** Decimal, 0x hexadecimal or 0 octal, as pcap-filter reads numbers. */
    private long parseNumber(Token t, String text, long max) {
        long v;
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                v = Long.parseLong(text.substring(2), 16);
            } else if (text.length() > 1 && text.startsWith("0")) {
                v = Long.parseLong(text.substring(1), 8);
            } else {
                v = Long.parseLong(text);
            }
        } catch (NumberFormatException e) {
            throw error(t, "'" + text + "' is not a number");
        }
        if (v < 0 || v > max) {
            throw error(t, text + " is outside 0.." + max);
        }
        return v;
    }

    private static String unknownWord(String w) {
        return "'" + w + "' is not supported (supported: ip, ip6, arp, tcp, udp, icmp, icmp6, [ip|ip6|ether] proto N, "
                + "[src|dst] host A, [src|dst] net A/len, [tcp|udp] [src|dst] port N, portrange N-M, len/less/greater, "
                + "not, and, or, parentheses)";
    }

    private Token peek() {
        return pos < toks.size() ? toks.get(pos) : null;
    }

    private Token next(String expected) {
        if (pos >= toks.size()) {
            throw new FilterException("filter \"" + expr + "\": at the end: expected " + expected);
        }
        return toks.get(pos++);
    }

    private FilterException error(Token t, String why) {
        return new FilterException("filter \"" + expr + "\": at character " + (t.offset + 1) + " ('" + t.text + "'): "
                + why);
    }
}
