package org.lwaftr.store;

import org.onlab.util.KryoNamespace;
import org.onosproject.store.service.Serializer;

/**
 * The serializer of the lwAFTR maps: keys are Long, Integer or String (Kryo's defaults), values the
 * store's records (primitive fields only). No ONOS namespace is needed, and none of the closures
 * that make ONOS's namespaces need JDK module opens.
 */
final class StoreSerializers {

    private StoreSerializers() {
    }

    static final Serializer SERIALIZER = Serializer.using(KryoNamespace.newBuilder()
            .register(SoftwireRecord.class, AddressRecord.class, EndedBinding.class)
            .build("lwaftr-store"));
}
