package org.lwaftr.pipeconf;

import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPipelineInterpreter.PiInterpreterException;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;

/**
 * Reads and writes controller packet metadata at the widths the P4Info gives. P4Runtime may carry
 * values in fewer bytes than the width (canonical form) or with extra leading zeros; both are fitted
 * to the width, and a value that does not fit is an error naming the field.
 */
final class PacketMetadata {

    private PacketMetadata() {
    }

    /**
     * Reads one metadata field of a packet operation as an unsigned number.
     *
     * @param op packet operation
     * @param id metadata field
     * @param bitwidth its width in the P4Info
     * @return the value
     * @throws PiInterpreterException if the field is missing or wider than {@code bitwidth}
     */
    static long read(PiPacketOperation op, PiPacketMetadataId id, int bitwidth) throws PiInterpreterException {
        PiPacketMetadata md = op.metadatas().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new PiInterpreterException(String.format(
                        "%s metadata '%s' missing", op.type(), id.id())));
        ImmutableByteSequence value = md.value();
        byte[] bytes;
        try {
            bytes = value.fit(bitwidth).asArray();
        } catch (ImmutableByteSequence.ByteSequenceTrimException e) {
            throw new PiInterpreterException(String.format("%s metadata '%s' = %s does not fit in %d bits",
                    op.type(), id.id(), value, bitwidth));
        }
        long result = 0;
        for (byte b : bytes) {
            result = (result << 8) | (b & 0xff);
        }
        return result;
    }

    /**
     * Builds one metadata field.
     *
     * @param id metadata field
     * @param value unsigned value
     * @param bitwidth its width in the P4Info
     * @return the metadata
     * @throws PiInterpreterException if the value does not fit in {@code bitwidth}
     */
    static PiPacketMetadata of(PiPacketMetadataId id, long value, int bitwidth) throws PiInterpreterException {
        try {
            return PiPacketMetadata.builder()
                    .withId(id)
                    .withValue(ImmutableByteSequence.copyFrom(value).fit(bitwidth))
                    .build();
        } catch (ImmutableByteSequence.ByteSequenceTrimException e) {
            throw new PiInterpreterException(String.format("metadata '%s' = %d does not fit in %d bits",
                    id.id(), value, bitwidth));
        }
    }
}
