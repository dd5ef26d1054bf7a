package com.towerco.events;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.JsonReadContext;
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
  /** Kept for one document after another ({@link #restart}): its buffers are not released. */
  private final boolean reusable;
  /** The root context the parser started with, reset for each document of a reusable one. */
  private final JsonReadContext root;

  private SkimmingParser(IOContext ctxt, int features, ByteQuadsCanonicalizer symbols,
      byte[] input, int start, int end, boolean reusable) {
    super(ctxt, features, null, null, symbols, input, start, end, 0, false);
    this.lenient = (features & LENIENT) != 0;
    this.reusable = reusable;
    this.root = _parsingContext;
  }

  /**
   * Points a reusable parser at another document, in the state a fresh parser over it starts in
   * (ADR-062): position and location counters, no token, no number, an empty text buffer, the
   * root context reset (its child contexts are reused as a parser reuses them within a
   * document). The buffers, the symbol table and the contexts stay: nothing is made per
   * document. {@code SkimmingParserTest} reads documents one after another, ill-formed ones in
   * between, and compares every token with a fresh parser's.
   */
  void restart(byte[] input, int start, int end) throws IOException {
    _streamReadConstraints.validateDocumentLength(end - start);
    _inputBuffer = input;
    _inputPtr = start;
    _inputEnd = end;
    _currInputProcessed = -start;
    _currInputRow = 1;
    _currInputRowStart = start;
    _tokenInputTotal = 0;
    _tokenInputRow = 1;
    _tokenInputCol = 0;
    _nameStartOffset = 0;
    _nameStartRow = 0;
    _nameStartCol = 0;
    _closed = false;
    _currToken = null;
    _lastClearedToken = null;
    _nextToken = null;
    _tokenCount = 0;
    _tokenIncomplete = false;
    _nameCopied = false;
    _binaryValue = null;
    _numTypesValid = NR_UNKNOWN;
    _numberString = null;
    _numberBigInt = null;
    _numberBigDecimal = null;
    _numberIsNaN = false;
    _numberNegative = false;
    _intLength = 0;
    _fractLength = 0;
    _expLength = 0;
    _textBuffer.resetWithEmpty();
    root.reset(JsonStreamContext.TYPE_ROOT, 1, 0);
    _parsingContext = root;
  }

  /**
   * Field names a reusable parser keeps in its symbol table before it is replaced: Jackson
   * hands a parser's table back to its factory when it closes and drops one grown past 6,000
   * names; a parser kept for ever would keep every name any record ever had (a producer
   * sending unknown field names in the parts a projection enters), so its reader makes a new
   * one past this many.
   */
  static final int MAX_SYMBOLS = 2_000;

  /** True once this parser's symbol table holds more than {@link #MAX_SYMBOLS} names. */
  boolean symbolsFull() {
    return _symbols.size() > MAX_SYMBOLS;
  }

  /**
   * A reusable parser is not closed at the end of a document (Jackson closes a parser when it
   * reads past the last token): it keeps its buffers for the next one and is never handed back.
   */
  @Override
  public void close() throws IOException {
    if (reusable) {
      _closed = true;
      return;
    }
    super.close();
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
          _byteSymbolCanonicalizer.makeChild(_factoryFeatures), data, offset, offset + len,
          false);
    }

    /**
     * A skimming parser to be {@link #restart restarted} on one document after another, by one
     * thread at a time; it is never closed and keeps its buffers.
     */
    SkimmingParser reusableParser() {
      byte[] none = new byte[0];
      IOContext ctxt = _createContext(_createContentReference(none), false);
      ctxt.setEncoding(JsonEncoding.UTF8);
      return new SkimmingParser(ctxt, _parserFeatures,
          _byteSymbolCanonicalizer.makeChild(_factoryFeatures), none, 0, 0, true);
    }
  }
}
