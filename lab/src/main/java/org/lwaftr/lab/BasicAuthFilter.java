package org.lwaftr.lab;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTP basic authentication (RFC 7617) for the standalone REST API, with the operator's users only:
 * there is no default user or password. Every request without valid credentials gets 401.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class BasicAuthFilter implements ContainerRequestFilter {
    private final Map<String, byte[]> users = new HashMap<>();

    /** @param users user → password */
    BasicAuthFilter(Map<String, String> users) {
        users.forEach((u, p) -> this.users.put(u, p.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String h = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (h != null && h.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                byte[] want = colon > 0 ? users.get(pair.substring(0, colon)) : null;
                // constant-time comparison: the time taken says nothing about the password
                if (want != null && MessageDigest.isEqual(want,
                        pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8))) {
                    request.setSecurityContext(operator(pair.substring(0, colon)));
                    return;
                }
            } catch (IllegalArgumentException e) {
                // not base64: refused below
            }
        }
        request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"lwaftr\", charset=\"UTF-8\"")
                .type(MediaType.APPLICATION_JSON_TYPE).entity("{\"error\":\"authentication required\"}").build());
    }

    /**
     * The operator's identity for the resources: ONOS's authorization filter (which the app's REST
     * application registers) lets "viewer" read and "admin" change; the operator's users are both.
     */
    private static SecurityContext operator(String user) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return "admin".equals(role) || "viewer".equals(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        };
    }

    /**
     * Reads {@code user:password} lines (blank lines and '#' comments skipped).
     *
     * @param file the operator's users file
     * @return user → password
     * @throws IOException        if it cannot be read
     * @throws LabConfigException naming the file and line of a bad entry, or an empty file
     */
    static Map<String, String> readUsers(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.trim().startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0 || colon == line.length() - 1) {
                    throw new LabConfigException("--rest-users " + file + ":" + n + ": expected user:password");
                }
                if (out.put(line.substring(0, colon), line.substring(colon + 1)) != null) {
                    throw new LabConfigException("--rest-users " + file + ":" + n + ": user "
                            + line.substring(0, colon) + " given twice");
                }
            }
        }
        if (out.isEmpty()) {
            throw new LabConfigException("--rest-users " + file + ": no users");
        }
        return out;
    }
}
