package com.towerco.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.http.WebServer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The OpenAPI description of the process's HTTP API ({@code GET /api/openapi.json}) and Swagger
 * UI to browse it ({@code GET /api/docs}), served from the classpath. The description is one
 * document for every service ({@code openapi/towerco-api.yaml}); each process serves only the
 * operations it has registered, so a process running some services documents just those.
 */
public final class ApiDocs implements HttpRoutes {
  public static final String DOCUMENT = "openapi/towerco-api.yaml";
  public static final String JSON = "/api/openapi.json";
  public static final String UI = "/api/docs";
  private static final String SWAGGER = "META-INF/resources/webjars/swagger-ui/"
      + SwaggerVersion.VERSION + "/";
  private static final Map<String, String> SWAGGER_FILES = Map.of(
      "swagger-ui.css", "text/css; charset=utf-8",
      "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
      "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
      "swagger-initializer.js", "text/javascript; charset=utf-8",
      "index.html", "text/html; charset=utf-8");

  private final Supplier<List<WebServer.Route>> registered;
  private final JsonNode document = load();

  public ApiDocs(Supplier<List<WebServer.Route>> registered) {
    this.registered = registered;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(JSON, ctx -> ctx.json(servedDocument()));
    routes.get(UI, ctx -> serve(ctx, "index.html"));
    routes.get(UI + "/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
  }

  /** The whole description, every service's operations. */
  public static JsonNode load() {
    try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DOCUMENT);
      }
      return inlineResponseSets((ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code responses: {$ref: '#/components/x-...'}} by a copy of that set. */
  private static JsonNode inlineResponseSets(ObjectNode document) {
    ObjectNode components = (ObjectNode) document.get("components");
    document.get("paths").forEach(path -> path.forEach(operation -> {
      JsonNode ref = operation.path("responses").path("$ref");
      if (ref.isTextual() && ref.asText().startsWith("#/components/x-")) {
        JsonNode set = components.get(ref.asText().substring("#/components/".length()));
        if (set == null) {
          throw new IllegalStateException("unknown response set " + ref.asText());
        }
        ((ObjectNode) operation).set("responses", set.deepCopy());
      }
    }));
    components.properties().removeIf(e -> e.getKey().startsWith("x-"));
    return document;
  }

  /** The OpenAPI form of a route's path: Javalin's {@code <rest>} is {@code {rest}}. */
  public static String openApiPath(String javalinPath) {
    return javalinPath.replace('<', '{').replace('>', '}');
  }

  private JsonNode servedDocument() {
    Set<String> served = registered.get().stream()
        .map(r -> openApiPath(r.path()) + " " + r.method().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    ObjectNode copy = document.deepCopy();
    ObjectNode paths = (ObjectNode) copy.get("paths");
    for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> path = p.next();
      ObjectNode operations = (ObjectNode) path.getValue();
      operations.properties().removeIf(op -> isMethod(op.getKey())
          && !served.contains(path.getKey() + " " + op.getKey()));
      if (operations.properties().stream().noneMatch(op -> isMethod(op.getKey()))) {
        p.remove();
      }
    }
    return copy;
  }

  private static boolean isMethod(String key) {
    return Set.of("get", "post", "put", "delete", "patch").contains(key);
  }

  private void serve(Context ctx, String file) {
    String type = SWAGGER_FILES.get(file);
    if (type == null) {
      throw ApiException.notFound("file");
    }
    String resource = file.equals("swagger-initializer.js") || file.equals("index.html")
        ? "openapi/" + file : SWAGGER + file;
    try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw ApiException.notFound("file");
      }
      ctx.header("Cache-Control", "no-cache").contentType(type).result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
