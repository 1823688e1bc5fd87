package org.lwaftr.lab.p4rt;

import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiOptionalFieldMatch;
import org.onosproject.net.pi.runtime.PiRangeFieldMatch;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;
import p4.v1.P4RuntimeOuterClass.FieldMatch;

import java.math.BigInteger;
import java.util.function.Supplier;

/** Encodes one PI field match into a P4Runtime FieldMatch, checking it against the P4Info field. */
final class PiMatchEncoder {
    private PiMatchEncoder() {
    }

    static FieldMatch encode(P4Table table, P4Field field, PiFieldMatch m) {
        // Built only for an error message: this runs for every entry written.
        Supplier<String> what = () -> "table " + table.name() + ", match field " + field.name();
        if (m.type() != field.matchType()) {
            throw new IllegalArgumentException(what.get() + ": P4Info says " + field.matchType() + ", entry has "
                    + m.type());
        }
        int w = field.bitwidth();
        FieldMatch.Builder b = FieldMatch.newBuilder().setFieldId(field.id());
        switch (m.type()) {
            case EXACT:
                return b.setExact(FieldMatch.Exact.newBuilder()
                        .setValue(P4Values.encode(((PiExactFieldMatch) m).value(), w, what))).build();
            case LPM:
                PiLpmFieldMatch lpm = (PiLpmFieldMatch) m;
                int len = lpm.prefixLength();
                if (len < 0 || len > w) {
                    throw new IllegalArgumentException(what.get() + ": prefix length " + len + " outside 0.." + w);
                }
                // P4Runtime §9.1.1: bits past the prefix must be zero; len 0 is a wildcard, so omit it.
                if (bits(lpm.value()).and(BigInteger.ONE.shiftLeft(w - len).subtract(BigInteger.ONE)).signum() != 0) {
                    throw new IllegalArgumentException(what.get() + ": value " + lpm.value() + " has bits set past /" + len);
                }
                return b.setLpm(FieldMatch.LPM.newBuilder().setValue(P4Values.encode(lpm.value(), w, what))
                        .setPrefixLen(len)).build();
            case TERNARY:
                PiTernaryFieldMatch t = (PiTernaryFieldMatch) m;
                if (bits(t.value()).andNot(bits(t.mask())).signum() != 0) {
                    throw new IllegalArgumentException(what.get() + ": value " + t.value() + " has bits outside mask "
                            + t.mask());
                }
                return b.setTernary(FieldMatch.Ternary.newBuilder().setValue(P4Values.encode(t.value(), w, what))
                        .setMask(P4Values.encode(t.mask(), w, () -> what.get() + " (mask)"))).build();
            case RANGE:
                PiRangeFieldMatch r = (PiRangeFieldMatch) m;
                if (bits(r.lowValue()).compareTo(bits(r.highValue())) > 0) {
                    throw new IllegalArgumentException(what.get() + ": range low " + r.lowValue() + " > high "
                            + r.highValue());
                }
                return b.setRange(FieldMatch.Range.newBuilder()
                        .setLow(P4Values.encode(r.lowValue(), w, () -> what.get() + " (low)"))
                        .setHigh(P4Values.encode(r.highValue(), w, () -> what.get() + " (high)"))).build();
            case OPTIONAL:
                return b.setOptional(FieldMatch.Optional.newBuilder()
                        .setValue(P4Values.encode(((PiOptionalFieldMatch) m).value(), w, what))).build();
            default:
                throw new IllegalArgumentException(what.get() + ": unsupported match type " + m.type());
        }
    }

    private static BigInteger bits(ImmutableByteSequence v) {
        return new BigInteger(1, v.asArray());
    }
}
