package org.lwaftr.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks JSON against the schemas of an OpenAPI 3.0 document — the subset the lwAFTR document uses
 * ({@code $ref}, {@code type}, {@code nullable}, {@code enum}, {@code required}, {@code properties},
 * {@code additionalProperties}, {@code items}, {@code oneOf}, {@code minimum}/{@code maximum}) — and
 * finds the operation a request path belongs to.
 * <p>
 * Stricter than OpenAPI on one point, on purpose: an object schema that lists {@code properties}
 * and says nothing of {@code additionalProperties} is treated as closed, so a reply member the
 * document does not describe fails the check.
 */
final class OpenApiShapes {
    private final JsonNode doc;

    OpenApiShapes(JsonNode doc) {
        this.doc = doc;
    }

    /**
     * @param path a request path relative to the server URL, without query ({@code /softwires/192.0.2.1/2})
     * @return the document's path template that matches it (literal templates first), or null
     */
    String template(String path) {
        String best = null;
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            if (t.equals(path)) {
                return t;
            }
            String re = "\\Q" + t.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (Pattern.matches(re, path)) {
                best = t;
            }
        }
        return best;
    }

    /**
     * @param template a path template
     * @param method   http method, lower case
     * @return the operation, or null
     */
    JsonNode operation(String template, String method) {
        JsonNode p = doc.get("paths").get(template);
        return p == null ? null : p.get(method);
    }

    /**
     * @param operation an operation
     * @param status    a status code
     * @return its response object with references resolved, or null if the status is not documented
     */
    JsonNode response(JsonNode operation, int status) {
        JsonNode r = operation.get("responses").get(Integer.toString(status));
        return r == null ? null : resolve(r);
    }

    private JsonNode resolve(JsonNode n) {
        while (n != null && n.has("$ref")) {
            String ref = n.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new AssertionError("reference outside the document: " + ref);
            }
            JsonNode target = doc.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new AssertionError("dangling reference " + ref);
            }
            n = target;
        }
        return n;
    }

    /**
     * @param schema a schema (or a reference to one)
     * @param value  a JSON value
     * @return every mismatch, as "json-path: what" (empty: it matches)
     */
    List<String> check(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(resolve(schema), value, "$", out);
        return out;
    }

    private void check(JsonNode s, JsonNode v, String at, List<String> out) {
        s = resolve(s);
        if (v.isNull()) {
            if (!s.path("nullable").asBoolean(false)) {
                out.add(at + ": null, not nullable");
            }
            return;
        }
        if (s.has("oneOf")) {
            int matching = 0;
            for (JsonNode alt : s.get("oneOf")) {
                if (check(alt, v).isEmpty()) {
                    matching++;
                }
            }
            if (matching != 1) {
                out.add(at + ": matches " + matching + " of the oneOf alternatives");
            }
            return;
        }
        String type = s.path("type").asText("");
        switch (type) {
            case "object":
                if (!v.isObject()) {
                    out.add(at + ": " + v.getNodeType() + ", object expected");
                    return;
                }
                break;
            case "array":
                if (!v.isArray()) {
                    out.add(at + ": " + v.getNodeType() + ", array expected");
                    return;
                }
                for (int i = 0; i < v.size(); i++) {
                    check(s.get("items"), v.get(i), at + "[" + i + "]", out);
                }
                return;
            case "string":
                if (!v.isTextual()) {
                    out.add(at + ": " + v.getNodeType() + ", string expected");
                }
                break;
            case "integer":
                if (!v.isIntegralNumber()) {
                    out.add(at + ": " + v + ", integer expected");
                    return;
                }
                if (s.has("minimum") && v.asLong() < s.get("minimum").asLong()) {
                    out.add(at + ": " + v + " < minimum " + s.get("minimum"));
                }
                if (s.has("maximum") && v.asLong() > s.get("maximum").asLong()) {
                    out.add(at + ": " + v + " > maximum " + s.get("maximum"));
                }
                break;
            case "number":
                if (!v.isNumber()) {
                    out.add(at + ": " + v + ", number expected");
                }
                break;
            case "boolean":
                if (!v.isBoolean()) {
                    out.add(at + ": " + v + ", boolean expected");
                }
                break;
            default:
                out.add(at + ": the schema has no type the check knows (" + s + ")");
                return;
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                out.add(at + ": " + v + " not in " + s.get("enum"));
            }
        }
        if (!v.isObject()) {
            return;
        }
        for (JsonNode r : s.path("required")) {
            if (!v.has(r.asText())) {
                out.add(at + ": required member " + r.asText() + " missing");
            }
        }
        JsonNode props = s.path("properties");
        JsonNode extra = s.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            String name = at + "." + m.getKey();
            if (props.has(m.getKey())) {
                check(props.get(m.getKey()), m.getValue(), name, out);
            } else if (extra != null && extra.isObject()) {
                check(extra, m.getValue(), name, out);
            } else if (extra == null ? props.size() > 0 : !extra.asBoolean()) {
                out.add(name + ": not in the document");
            }
        }
    }
}
