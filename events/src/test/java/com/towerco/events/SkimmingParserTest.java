package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The skim (ADR-044) against Jackson's own skipChildren. */
class SkimmingParserTest {
  private static final JsonFactory PLAIN = new JsonFactory();
  private static final JsonFactory SKIMMING = new SkimmingParser.Factory(new JsonFactory());

  /**
   * The tokens of {@code json}, passing over the {@code nth} object or array met (counting
   * every START_OBJECT/START_ARRAY in document order) with skipChildren or with the skim.
   */
  private static List<String> tokens(JsonFactory factory, String json, int nth)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (JsonParser p = factory.createParser(json.getBytes(StandardCharsets.UTF_8))) {
      int seen = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        out.add(t + (t == JsonToken.FIELD_NAME || t.isScalarValue() ? "=" + p.getText() : ""));
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          if (seen++ == nth) {
            if (factory == SKIMMING) {
              ((SkimmingParser) p).skim();
            } else {
              p.skipChildren();
            }
            out.add("after " + p.currentToken() + " in " + p.getParsingContext().getParent()
                + "/" + p.currentName());
          }
        }
      }
    }
    return out;
  }

  private static int containers(String json) throws IOException {
    int n = 0;
    try (JsonParser p = PLAIN.createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        n += t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? 1 : 0;
      }
    }
    return n;
  }

  private static void assertSkimIsSkip(String json) throws IOException {
    for (int nth = 0; nth < containers(json); nth++) {
      assertThat(tokens(SKIMMING, json, nth)).as(json + " skipping container " + nth)
          .isEqualTo(tokens(PLAIN, json, nth));
    }
  }

  @Test
  void skimmingAnyContainerLeavesTheParserWhereSkipChildrenDoes() throws IOException {
    assertSkimIsSkip("{\"a\":{\"b\":[1,2,{\"c\":\"}]\\\"{[\"}],\"d\":null},\"e\":[[],{}],"
        + "\"f\":\"x\",\"g\":{\"h\":{\"i\":{\"j\":[true,false,-1.5e3]}}}}");
    assertSkimIsSkip("{\"x\":[{\"a\":\"\\\\\"},[\"\\\\\\\"]\"],{}]}");
    assertSkimIsSkip("{\"ünïcødé\":{\"ключ\":\"значение ]}\",\"k\":[\"€\"]},\"z\":1}");
  }

  @Test
  void skimmingEveryContainerOfEverySampleLeavesTheParserWhereSkipChildrenDoes()
      throws IOException {
    Path samples = Path.of("src/test/resources/samples");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(samples)) {
      files = walk.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertSkimIsSkip(Files.readString(file));
    }
  }

  /**
   * Every token (with its text, number, context and location) of a document read whole by
   * {@code p}, or where it failed.
   */
  private static List<String> everyToken(JsonParser p) {
    List<String> out = new ArrayList<>();
    try {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        String value = t == JsonToken.FIELD_NAME || t.isScalarValue() ? "=" + p.getText() : "";
        if (t.isNumeric()) {
          value += " " + p.getNumberType() + " " + p.getDoubleValue();
        }
        out.add(t + value + " in " + p.getParsingContext().getParent() + "/" + p.currentName()
            + " at " + p.currentLocation().getByteOffset() + "/" + p.currentTokenLocation()
            .getLineNr() + ":" + p.currentTokenLocation().getColumnNr());
      }
    } catch (IOException e) {
      out.add("failed: " + e.getClass().getSimpleName());
    }
    return out;
  }

  /**
   * A reusable parser restarted on one document after another (ADR-062) reads each exactly as
   * a fresh parser does: every sample, one after the other, each after an ill-formed document
   * given up half-way and after one cut short, and the same twice.
   */
  @Test
  void aRestartedParserReadsEveryDocumentAsAFreshOne() throws IOException {
    List<String> documents = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/samples"))) {
      for (Path file : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String json = Files.readString(file).strip();
        documents.add(json);
        documents.add(json.substring(0, json.length() / 2));
        documents.add(json.replaceFirst(":", "::"));
        documents.add(json);
      }
    }
    documents.add("{\"a\":[1,2.5e3,-0,\"x\\\"y\"],\"b\":{\"c\":true}}");
    assertThat(documents).hasSizeGreaterThan(40);
    SkimmingParser reused = ((SkimmingParser.Factory) SKIMMING).reusableParser();
    for (String json : documents) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      reused.restart(bytes, 0, bytes.length);
      List<String> fresh;
      try (JsonParser p = SKIMMING.createParser(bytes)) {
        fresh = everyToken(p);
      }
      assertThat(everyToken(reused)).as(json).isEqualTo(fresh);
    }
  }

  /** A reused parser's symbol table grows with every new field name: it says when to replace it. */
  @Test
  void aRestartedParserSaysWhenItsSymbolTableIsFull() throws IOException {
    SkimmingParser reused = ((SkimmingParser.Factory) SKIMMING).reusableParser();
    int documents = 0;
    while (!reused.symbolsFull() && documents < 10_000) {
      byte[] bytes = ("{\"name" + documents++ + "\":1}").getBytes(StandardCharsets.UTF_8);
      reused.restart(bytes, 0, bytes.length);
      assertThat(everyToken(reused)).hasSize(4).last().asString().startsWith("END_OBJECT");
    }
    // the table starts with the factory's names (other documents'), then one more per document
    assertThat(reused.symbolsFull()).isTrue();
    assertThat(documents).isBetween(1, SkimmingParser.MAX_SYMBOLS + 1);
  }

  @Test
  void bytesItCannotPassOverAreRefused() throws IOException {
    for (String json : List.of("{\"a\":{\"b\":1]}", "{\"a\":[1}]}", "{\"a\":{\"b\":\"x}}",
        "{\"a\":{\"b\":[1,2}", "{\"a\":{\"b\":\"x\\\"}}")) {
      try (JsonParser p = SKIMMING.createParser(json.getBytes(StandardCharsets.UTF_8))) {
        p.nextToken();
        p.nextToken();
        assertThat(p.nextToken()).isIn(JsonToken.START_OBJECT, JsonToken.START_ARRAY);
        assertThatThrownBy(((SkimmingParser) p)::skim).as(json)
            .isSameAs(SkimmingParser.Unskimmable.INSTANCE);
      }
    }
    // the skimmed value and 63 levels inside it are followed; a 64th is declined
    String deep = "{\"a\":" + "[".repeat(65) + "]".repeat(65) + "}";
    try (JsonParser p = SKIMMING.createParser(deep.getBytes(StandardCharsets.UTF_8))) {
      p.nextToken();
      p.nextToken();
      p.nextToken();
      assertThatThrownBy(((SkimmingParser) p)::skim)
          .isSameAs(SkimmingParser.Unskimmable.INSTANCE);
    }
    String deepEnough = "{\"a\":" + "[".repeat(63) + "]".repeat(63) + ",\"b\":2}"; // 64 levels with the root
    assertSkimIsSkip(deepEnough);
  }

  @Test
  void whatIsNotAnObjectIsParsedAsTheCopiedFactoryWould() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
    try (JsonParser p = SKIMMING.createParser(bom)) {
      assertThat(p).isNotInstanceOf(SkimmingParser.class);
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
    }
    try (JsonParser p = SKIMMING.createParser("[1]".getBytes(StandardCharsets.UTF_8))) {
      assertThat(p).isNotInstanceOf(SkimmingParser.class);
    }
    try (JsonParser p = SKIMMING.createParser("{}".getBytes(StandardCharsets.UTF_8))) {
      assertThat(p).isInstanceOf(SkimmingParser.class);
    }
  }

  @Test
  void underCommentsOrSingleQuotesItTokenizesAsSkipChildrenDoes() throws IOException {
    JsonFactory lenient = new SkimmingParser.Factory(JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_SINGLE_QUOTES).build());
    String json = "{\"a\":{\"b\":/* } ] \" */ 1,'c':'}'},\"d\":2}";
    try (JsonParser p = lenient.createParser(json.getBytes(StandardCharsets.UTF_8))) {
      p.nextToken();
      p.nextToken();
      p.nextToken();
      ((SkimmingParser) p).skim();
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
      assertThat(p.currentName()).isEqualTo("d");
    }
  }

  @Test
  void aSkimmedDocumentWithTrailingBytesStillFailsWhereJacksonFails() throws IOException {
    String json = "{\"a\":{\"b\":1}} x";
    try (JsonParser p = SKIMMING.createParser(json.getBytes(StandardCharsets.UTF_8))) {
      p.nextToken();
      p.nextToken();
      p.nextToken();
      ((SkimmingParser) p).skim();
      assertThat(p.nextToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThatThrownBy(p::nextToken).isInstanceOf(IOException.class);
    }
  }
}
