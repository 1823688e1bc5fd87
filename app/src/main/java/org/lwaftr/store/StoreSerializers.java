package org.lwaftr.store;

import org.onlab.util.KryoNamespace;
import org.onosproject.store.service.Serializer;

/**
 * The serializers of the lwAFTR maps. The maps hold only JDK types: keys Long, Integer or String
 * (Kryo's defaults), record values as {@code byte[]} that this bundle encodes and decodes itself
 * ({@link #encode}, {@link #decode}). ONOS 2.7 keeps each Atomix primitive, with the serializer it
 * was first built with, for the life of the JVM (there is no way to close it through ONOS's API):
 * had the maps' serializer known the record classes, an app deactivated and activated again (its
 * bundles reinstalled, new class loaders) would get records of the old bundle's classes back, and
 * fail with "SoftwireRecord cannot be cast to SoftwireRecord". No ONOS namespace is needed, and
 * none of the closures that make ONOS's namespaces need JDK module opens.
 */
final class StoreSerializers {

    private StoreSerializers() {
    }

    /** The maps' serializer: JDK types only. */
    static final Serializer SERIALIZER = Serializer.using(KryoNamespace.newBuilder()
            .register(byte[].class)
            .build("lwaftr-store"));

    /** The records (primitive fields only), encoded into the maps' byte[] values. */
    static final Serializer RECORDS = Serializer.using(KryoNamespace.newBuilder()
            .register(SoftwireRecord.class, AddressRecord.class, EndedBinding.class)
            .build("lwaftr-records"));

    /** @return a record as a map value */
    static byte[] encode(Object record) {
        return RECORDS.encode(record);
    }

    /** @return the record a map value holds, null for null */
    static <T> T decode(byte[] value) {
        return value == null ? null : RECORDS.decode(value);
    }
}
