package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactDecimalTest {
  private static double parse(String text) {
    char[] padded = ("[" + text + "]").toCharArray(); // an offset, as in a parser's buffer
    return ExactDecimal.parse(padded, 1, text.length());
  }

  /** The fast path's answer is Double.parseDouble's, bit for bit, or it declines (NaN). */
  private static void sameAsTheJdk(String text) {
    double fast = parse(text);
    if (!Double.isNaN(fast)) {
      assertThat(Double.doubleToRawLongBits(fast)).as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @Test
  void equalsTheJdkBitForBitOnManyRandomDecimals() {
    Random random = new Random(16);
    int taken = 0;
    for (int i = 0; i < 300_000; i++) {
      StringBuilder text = new StringBuilder();
      if (random.nextBoolean()) {
        text.append('-');
      }
      int intDigits = random.nextInt(10);
      text.append(intDigits == 0 ? "0" : Long.toString(1 + random.nextLong(
          (long) Math.pow(10, intDigits) - 1)));
      int fractionDigits = random.nextInt(12);
      if (fractionDigits > 0 || random.nextInt(4) == 0) {
        text.append('.');
        for (int d = 0; d < fractionDigits; d++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
        if (fractionDigits == 0) {
          text.append('0');
        }
      }
      if (random.nextInt(5) == 0) {
        text.append(random.nextBoolean() ? 'e' : 'E');
        int choice = random.nextInt(3);
        text.append(choice == 0 ? "" : choice == 1 ? "+" : "-").append(random.nextInt(40));
      }
      sameAsTheJdk(text.toString());
      if (!Double.isNaN(parse(text.toString()))) {
        taken++;
      }
    }
    assertThat(taken).as("most of them in the fast path").isGreaterThan(200_000);
  }

  @Test
  void equalsTheJdkOnEveryDoubleWrittenShortest() {
    Random random = new Random(43);
    for (int i = 0; i < 200_000; i++) {
      double value = switch (i % 3) {
        case 0 -> Math.round(random.nextGaussian() * 1e6) / 100.0;
        case 1 -> random.nextDouble() * 1000 - 500;
        default -> Double.longBitsToDouble(random.nextLong());
      };
      if (Double.isFinite(value)) {
        sameAsTheJdk(Double.toString(value));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"53.42", "-3.1", "0.25", "0.0", "-0.0", "12.5", "230.0", "0.001",
      "9007199254740992", "1e22", "1E-22", "-48.0", "99.99", "123456.789", "0.1", "1.0e5"})
  void readsTheReadingsOfASiteInTheFastPath(String text) {
    assertThat(parse(text)).isNotNaN();
    sameAsTheJdk(text);
  }

  @Test
  void keepsTheSignOfZero() {
    assertThat(Double.doubleToRawLongBits(parse("-0.0")))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(Double.doubleToRawLongBits(parse("0.000"))).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"9007199254740993", "1234567890.123456789", "1e23", "1e-23",
      "5e-324", "1.7976931348623157e308", "0.0000000000000000000000001", "NaN", "Infinity",
      "-", ".", "1e", "1e+", "1x", "+1.5", "1.2.3", "1e12345", ""})
  void declinesWhatIsOutsideTheExactPath(String text) {
    assertThat(parse(text)).isNaN();
  }

  @Test
  void readsWhatJacksonReadsForAFloatToken() throws Exception {
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      String text = String.format(java.util.Locale.ROOT, "%.3f", random.nextGaussian() * 100);
      try (JsonParser p = Json.payloadMapper().getFactory().createParser("[" + text + "]")) {
        p.nextToken();
        assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_FLOAT);
        double fast = ExactDecimal.parse(p.getTextCharacters(), p.getTextOffset(),
            p.getTextLength());
        assertThat(Double.doubleToRawLongBits(fast)).as(text)
            .isEqualTo(Double.doubleToRawLongBits(p.getDoubleValue()));
      }
    }
  }
}
