package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct payload read (ADR-031) changes nothing but the cost: every valid sample of a
 * current version is read directly, into an event equal to the data binding's; and for thousands
 * of mutations of each sample (as in {@link SchemaContractTest}, plus repeated fields) the codec
 * with the direct read and the codec without it accept the same events, decoded equal, and
 * reject the same ones with the same reason and detail.
 */
class DirectReadTest {
  private static final int MUTATIONS_PER_TYPE = 1500;

  private final EventCodec directly = new EventCodec();
  private final EventCodec bound = new EventCodec(EventCatalog.bundled(),
      EventCodec.DEFAULT_MAX_BYTES, false);

  static List<Samples.Sample> samples() {
    return Samples.all();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void aValidSampleOfItsTypesCurrentReadingIsReadDirectlyAndEqually(Samples.Sample sample)
      throws Exception {
    byte[] json = sample.event();
    EventCatalog.Reading reading = EventCatalog.bundled().reading(sample.type(),
        sample.version());
    Envelope viaBinding = bound.decode(json);
    assertThat(directly.decode(json)).isEqualTo(viaBinding);
    if (!reading.lenient() && reading.upcasters().isEmpty()) {
      assertThat(directly.decodeDirectly(json)).isEqualTo(viaBinding);
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void bothReadsJudgeEveryMutationAlike(Samples.Sample sample) throws Exception {
    byte[] valid = sample.event();
    Random random = new Random(sample.toString().hashCode() * 31L);
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < MUTATIONS_PER_TYPE; i++) {
      ObjectNode event = (ObjectNode) Json.mapper().readTree(valid);
      String mutation = SchemaContractTest.mutate(event, random);
      byte[] json = Json.mapper().writeValueAsBytes(event);
      if (random.nextInt(10) == 0) {
        json = repeatAField(json, random);
        mutation += ", then a field repeated";
      }
      String direct = verdict(directly, json);
      String binding = verdict(bound, json);
      if (!direct.equals(binding)) {
        differences.add(mutation + "\n  direct: " + direct + "\n  binding: " + binding);
      }
    }
    assertThat(differences).as("mutations the two reads judge differently").isEmpty();
  }

  private static String verdict(EventCodec codec, byte[] json) {
    try {
      return "accepted " + codec.decode(json);
    } catch (InvalidEventException e) {
      return e.reason() + ": " + e.detail();
    }
  }

  /** The JSON with one of its "name": scalar pairs written twice in its object. */
  private static byte[] repeatAField(byte[] json, Random random) {
    String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\"[a-z_]+\":(\"[^\"]*\"|[-0-9.eE]+|true|false)").matcher(text);
    List<int[]> pairs = new ArrayList<>();
    while (m.find()) {
      pairs.add(new int[] {m.start(), m.end()});
    }
    if (pairs.isEmpty()) {
      return json;
    }
    int[] pair = pairs.get(random.nextInt(pairs.size()));
    String repeated = text.substring(0, pair[1]) + "," + text.substring(pair[0], pair[1])
        + text.substring(pair[1]);
    return repeated.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
