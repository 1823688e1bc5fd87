package org.lwaftr.lab;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.rest.LwaftrWebApplication;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The ONOS app's REST API served by the standalone controller: the same JAX-RS classes
 * ({@link LwaftrWebApplication}) on Jersey over an embedded Jetty, at the same path
 * ({@code /onos/lwaftr}), behind HTTP basic auth with the operator's users.
 */
public final class RestServer implements AutoCloseable {
    /** Where ONOS serves the app's API; the same here so clients work against either host. */
    public static final String CONTEXT = "/onos/lwaftr";

    private final Server server;

    private RestServer(Server server) {
        this.server = server;
    }

    /**
     * @param host    address to listen on
     * @param port    port (0: any free one)
     * @param service the lwAFTR service the resources call
     * @param users   user → password
     * @return the running server
     */
    public static RestServer start(String host, int port, LwaftrService service, Map<String, String> users) {
        ResourceConfig rc = new ResourceConfig(new LwaftrWebApplication().getClasses())
                .property(LwaftrWebApplication.SERVICE_PROPERTY, service)
                .register(new BasicAuthFilter(users));
        // As ONOS serves it: Jersey's servlet under the app's context path.
        Server s = new Server(new InetSocketAddress(host, port));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(CONTEXT);
        context.addServlet(new ServletHolder(new ServletContainer(rc)), "/*");
        s.setHandler(context);
        try {
            s.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot serve REST on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new RestServer(s);
    }

    /** @return the port it listens on */
    public int port() {
        return ((org.eclipse.jetty.server.ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the REST server", e);
        }
    }
}
