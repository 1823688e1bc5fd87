package org.lwaftr.app;

import org.lwaftr.store.DistributedSoftwireStore;
import org.lwaftr.store.TransactionalTestStorage;

/**
 * Builds an activated distributed store on test storage (the store's fields are package-private
 * to its own package).
 */
final class StoreFactory {

    private StoreFactory() {
    }

    static DistributedSoftwireStore store(TransactionalTestStorage storage) {
        return org.lwaftr.store.TestStores.activated(storage);
    }
}
