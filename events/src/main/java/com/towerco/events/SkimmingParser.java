package com.towerco.events;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;

/**
 * Jackson's UTF-8 parser over a byte array, with one more move for the projected read
 * (ADR-037, ADR-044): {@link #skim} passes over an object or array it has just entered by
 * matching brackets on the bytes, outside strings, instead of tokenizing every field name,
 * number and string in it as {@link JsonParser#skipChildren} does. What it checks of the
 * skimmed bytes: that every string is closed and every bracket closed by its own kind, nothing
 * else (a misplaced comma or colon, a bare word or a control character in a string inside a
 * skimmed value is not seen). The parser then goes on after the closing bracket exactly as after
 * {@link JsonParser#skipChildren}.
 */
final class SkimmingParser extends UTF8StreamJsonParser {
  /** Levels inside a skimmed value it follows (64 in all with the value); deeper is declined. */
  private static final int MAX_DEPTH = 63;

  /** Features under which brackets and quotes on the bytes need not be JSON's: no skim. */
  private static final int LENIENT = JsonParser.Feature.ALLOW_COMMENTS.getMask()
      | JsonParser.Feature.ALLOW_YAML_COMMENTS.getMask()
      | JsonParser.Feature.ALLOW_SINGLE_QUOTES.getMask();

  private final boolean lenient;

  private SkimmingParser(IOContext ctxt, int features, ByteQuadsCanonicalizer symbols,
      byte[] input, int start, int end) {
    super(ctxt, features, null, null, symbols, input, start, end, 0, false);
    this.lenient = (features & LENIENT) != 0;
  }

  /** Thrown by {@link #skim} for bytes it cannot pass over; the caller declines the record. */
  static final class Unskimmable extends IOException {
    static final Unskimmable INSTANCE = new Unskimmable();

    private Unskimmable() {
      super("not skimmable", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /**
   * At the START_OBJECT or START_ARRAY just returned: moves past its matching END_OBJECT or
   * END_ARRAY, which becomes the current token. At any other token nothing moves (a scalar has
   * no children), as with {@link JsonParser#skipChildren}.
   */
  void skim() throws IOException {
    JsonToken start = currentToken();
    if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
      return;
    }
    if (lenient) {
      skipChildren(); // comments or single quotes may hide brackets: tokenize
      return;
    }
    byte[] in = _inputBuffer;
    int end = _inputEnd;
    int i = _inputPtr;
    long objects = start == JsonToken.START_OBJECT ? 1 : 0; // bit d: level d is an object
    int depth = 0;
    while (i < end) {
      byte b = in[i++];
      if (b == '"') {
        while (true) {
          if (i >= end) {
            throw Unskimmable.INSTANCE;
          }
          byte c = in[i++];
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            break;
          }
        }
      } else if (b == '{' || b == '[') {
        if (++depth > MAX_DEPTH) {
          throw Unskimmable.INSTANCE;
        }
        objects = b == '{' ? objects | (1L << depth) : objects & ~(1L << depth);
      } else if (b == '}' || b == ']') {
        boolean object = (objects & (1L << depth)) != 0;
        if (object != (b == '}')) {
          throw Unskimmable.INSTANCE; // closed by the other kind
        }
        if (depth-- == 0) {
          _inputPtr = i;
          _parsingContext = _parsingContext.clearAndGetParent();
          _updateToken(object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY);
          return;
        }
      }
    }
    throw Unskimmable.INSTANCE; // never closed
  }

  /** Passes over the current value: skimmed if this is a skimming parser, else skipped. */
  static void skip(JsonParser p) throws IOException {
    if (p instanceof SkimmingParser s) {
      s.skim();
    } else {
      p.skipChildren();
    }
  }

  /**
   * A factory like the one it copies whose parsers over a byte array that starts with a JSON
   * object (no byte order mark) are skimming parsers; anything else is parsed as that one
   * would.
   */
  static final class Factory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    Factory(JsonFactory copied) {
      super(copied, null);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt)
        throws IOException {
      if (len == 0 || data[offset] != '{') {
        return super._createParser(data, offset, len, ctxt);
      }
      _streamReadConstraints.validateDocumentLength(len);
      ctxt.setEncoding(JsonEncoding.UTF8);
      return new SkimmingParser(ctxt, _parserFeatures,
          _byteSymbolCanonicalizer.makeChild(_factoryFeatures), data, offset, offset + len);
    }
  }
}
