package com.towerco.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * No field of any event schema admits {@code null}; an absent optional field is simply left
 * out. Jackson cannot tell an explicit null from an absent creator property, so payloads are
 * read through this parser, which refuses a {@code null} token wherever it appears.
 */
final class NullRejectingParser extends JsonParserDelegate {
  NullRejectingParser(JsonParser delegate) {
    super(delegate);
  }

  @Override
  public JsonToken nextToken() throws IOException {
    return check(delegate.nextToken());
  }

  @Override
  public JsonToken nextValue() throws IOException {
    return check(delegate.nextValue());
  }

  private JsonToken check(JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      String field = delegate.currentName();
      throw new NullValueException(this, field == null ? "array item" : "field '" + field + "'");
    }
    return token;
  }

  /** An explicit JSON null in a payload. */
  static final class NullValueException extends StreamReadException {
    NullValueException(JsonParser p, String where) {
      super(p, where);
    }

    @Override
    public NullValueException withParser(JsonParser p) {
      return this;
    }

    @Override
    public NullValueException withRequestPayload(
        com.fasterxml.jackson.core.util.RequestPayload payload) {
      return this;
    }
  }
}
