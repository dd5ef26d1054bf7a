package com.towerco.platform.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/**
 * What was wrong with a JSON request body, said in the caller's terms: the field and the
 * problem, never the Java class a body was read into (Jackson's own messages name those). A
 * value refused by the constructor it was read into keeps that constructor's message.
 */
public final class JsonErrors {
  private JsonErrors() {}

  public static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof IllegalArgumentException own && own.getMessage() != null) {
      return own.getMessage(); // a record refusing its own values says why in our words
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + path(u) + "'";
    }
    if (e instanceof MismatchedInputException m) {
      String where = path(m);
      return where.isEmpty() ? "the body has the wrong shape"
          : "'" + where + "' has the wrong type or value";
    }
    if (e instanceof JsonParseException) {
      return "the body is not valid JSON";
    }
    if (e instanceof JsonMappingException m && !path(m).isEmpty()) {
      return "'" + path(m) + "' is invalid";
    }
    return "the body is not valid";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
