package org.lwaftr.api;

import org.onosproject.event.EventListener;

/**
 * Receives softwire changes.
 */
public interface LwaftrListener extends EventListener<LwaftrEvent> {
}
