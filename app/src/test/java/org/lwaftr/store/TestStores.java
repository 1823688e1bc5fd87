package org.lwaftr.store;

/**
 * Activated stores for tests of other packages.
 */
public final class TestStores {

    private TestStores() {
    }

    /**
     * @param storage test storage (shared by "instances")
     * @return an activated store on it
     */
    public static DistributedSoftwireStore activated(TransactionalTestStorage storage) {
        DistributedSoftwireStore s = new DistributedSoftwireStore();
        s.storageService = storage;
        s.activate();
        return s;
    }
}
