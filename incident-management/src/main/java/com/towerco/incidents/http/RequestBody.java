package com.towerco.incidents.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.RequestParams;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * The JSON body of a command request, read strictly: an object with only the named fields, each
 * of the right type. Anything else is a 400 with the reason. The command record then checks its
 * own limits (its constructor's refusal is a 400 too).
 */
final class RequestBody {
  private final JsonNode body;

  private RequestBody(JsonNode body) {
    this.body = body;
  }

  static RequestBody of(Context ctx, String... fields) {
    JsonNode node;
    try {
      String text = ctx.body();
      node = Json.mapper().readTree(text.isBlank() ? "{}" : text);
    } catch (IOException e) {
      throw bad("the body is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw bad("the body must be a JSON object");
    }
    Set<String> allowed = Set.of(fields);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw bad("unknown field '" + name + "'");
      }
    }
    return new RequestBody(node);
  }

  /** The version the caller saw; required on every command. */
  int expectedVersion() {
    JsonNode v = body.get("expected_version");
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0) {
      throw bad("expected_version (the version you saw) is required: a whole number >= 0");
    }
    return v.intValue();
  }

  String text(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw bad(field + " is required");
    }
    return value;
  }

  String optionalText(String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw bad(field + " must be a string");
    }
    return v.textValue();
  }

  boolean bool(String field, boolean fallback) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw bad(field + " must be true or false");
    }
    return v.booleanValue();
  }

  double number(String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isNumber()) {
      throw bad(field + " is required: a number");
    }
    return v.doubleValue();
  }

  static ApiException bad(String message) {
    return RequestParams.bad(message);
  }
}
