package org.lwaftr.gui;

import org.onosproject.ui.GlyphConstants;
import org.onosproject.ui.UiExtension;
import org.onosproject.ui.UiExtensionService;
import org.onosproject.ui.UiMessageHandlerFactory;
import org.onosproject.ui.UiView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Adds the "lwAFTR" view to the ONOS GUI's navigation (Network category). Client resources:
 * {@code app/view/lwaftr/} and {@code css.html}/{@code js.html} at the resource root.
 */
@Component(immediate = true)
public class LwaftrUiComponent {

    /** The view id: also the Angular module/route name ({@code ovLwaftr}, {@code #/lwaftr}). */
    public static final String VIEW_ID = "lwaftr";

    private static final Logger log = LoggerFactory.getLogger(LwaftrUiComponent.class);

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected UiExtensionService uiExtensionService;

    private final UiMessageHandlerFactory handlers = () -> List.of(new LwaftrUiMessageHandler());

    private final UiExtension extension = new UiExtension.Builder(getClass().getClassLoader(),
            List.of(new UiView(UiView.Category.NETWORK, VIEW_ID, "lwAFTR", GlyphConstants.FLOW_TABLE)))
            .messageHandlerFactory(handlers)
            .build();

    @Activate
    protected void activate() {
        uiExtensionService.register(extension);
        log.info("Started");
    }

    @Deactivate
    protected void deactivate() {
        uiExtensionService.unregister(extension);
        log.info("Stopped");
    }
}
