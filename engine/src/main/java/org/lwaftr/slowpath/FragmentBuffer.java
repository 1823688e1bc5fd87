package org.lwaftr.slowpath;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fragments of one packet, put together as they arrive in any order. Overlapping fragments
 * fail the whole packet (RFC 5722 for IPv6; the same rule for IPv4, against overlap attacks of
 * RFC 1858). Memory grows with the data received, up to the largest payload.
 */
final class FragmentBuffer {

    /** What adding a fragment did. */
    enum Result { INCOMPLETE, COMPLETE, OVERLAP, INVALID }

    final long created;
    private final int maxFragments;
    private final int maxPayload;
    private final TreeMap<Integer, Integer> ranges = new TreeMap<>();   // start → end (exclusive)
    private byte[] data = new byte[0];
    private int received;
    private int total = -1;            // payload length, known once the last fragment arrived
    private Object first;              // context of the fragment at offset 0

    /**
     * @param created      creation time (ns)
     * @param maxFragments fragments allowed
     * @param maxPayload   largest reassembled payload
     */
    FragmentBuffer(long created, int maxFragments, int maxPayload) {
        this.created = created;
        this.maxFragments = maxFragments;
        this.maxPayload = maxPayload;
    }

    /**
     * @param offset byte offset of the fragment in the payload
     * @param src    bytes holding the fragment's data
     * @param from   where its data starts in src
     * @param len    data length
     * @param more   the More Fragments flag
     * @return the outcome; after OVERLAP or INVALID the buffer must be discarded
     */
    Result add(int offset, byte[] src, int from, int len, boolean more) {
        if (ranges.size() >= maxFragments || offset + len > maxPayload || (more && (len == 0 || len % 8 != 0))) {
            return Result.INVALID;             // RFC 8200 §4.5: non-last fragments are multiples of 8
        }
        int end = offset + len;
        Map.Entry<Integer, Integer> below = ranges.floorEntry(offset);
        Map.Entry<Integer, Integer> above = ranges.ceilingEntry(offset);
        if ((below != null && below.getValue() > offset) || (above != null && above.getKey() < end)) {
            return Result.OVERLAP;
        }
        if (!more) {
            if (total >= 0 || (!ranges.isEmpty() && ranges.lastEntry().getValue() > end)) {
                return Result.INVALID;         // a second last fragment, or data beyond the end
            }
            total = end;
        } else if (total >= 0 && end > total) {
            return Result.INVALID;
        }
        if (end > data.length) {
            data = Arrays.copyOf(data, Math.min(maxPayload, Math.max(end, data.length * 2)));
        }
        System.arraycopy(src, from, data, offset, len);
        ranges.put(offset, end);
        received += len;
        return total >= 0 && received == total ? Result.COMPLETE : Result.INCOMPLETE;
    }

    /** @return bytes of memory held for data */
    int capacity() {
        return data.length;
    }

    /** @return the reassembled payload (call after COMPLETE) */
    byte[] payload() {
        return Arrays.copyOf(data, total);
    }

    /** @param context what the reassembled packet's headers are built from (fragment at offset 0) */
    void first(Object context) {
        first = context;
    }

    /** @return the context of the fragment at offset 0 */
    Object first() {
        return first;
    }
}
