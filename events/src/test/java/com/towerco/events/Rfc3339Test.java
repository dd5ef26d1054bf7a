package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {
  @Test
  void parsesWhatTheJdkParsesForManyRandomInstantsAndOffsets() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong() % 8_000_000_000L,
          random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
      assertThat(Rfc3339.parse(instant.toString())).isEqualTo(instant);
      assertThat(Rfc3339.parse(utf8(instant.toString()))).isEqualTo(instant);
      int offsetMinutes = (random.nextInt(27) - 13) * 60 + (random.nextBoolean() ? 30 : 0);
      String withOffset = OffsetDateTime.ofInstant(instant,
          java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString();
      if (withOffset.length() >= 25 && withOffset.charAt(16) == ':') {
        assertThat(Rfc3339.parse(withOffset)).as(withOffset).isEqualTo(instant);
        assertThat(Rfc3339.parse(utf8(withOffset))).as(withOffset).isEqualTo(instant);
      }
    }
  }

  @Test
  void formatsAsTheJdkDoesForManyRandomInstantsAndTheEdgesOfTheYearsItWrites() {
    Random random = new Random(9);
    for (int i = 0; i < 200_000; i++) {
      long seconds = random.nextInt(3) == 0 ? random.nextLong() % 400_000_000_000L
          : 1_600_000_000L + random.nextInt(400_000_000);
      int nanos = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      assertThat(Rfc3339.format(instant)).isEqualTo(instant.toString());
    }
    for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "1969-12-31T23:59:59.000000001Z", "1970-01-01T00:00:00Z", "2000-02-29T12:00:00.100Z",
        "2024-12-31T23:59:59.000100Z", "1900-03-01T00:00:00Z"}) {
      Instant instant = Instant.parse(edge);
      assertThat(Rfc3339.format(instant)).isEqualTo(edge).isEqualTo(instant.toString());
      assertThat(Rfc3339.format(instant.minusNanos(1))).isEqualTo(instant.minusNanos(1).toString());
      assertThat(Rfc3339.format(instant.plusNanos(1))).isEqualTo(instant.plusNanos(1).toString());
    }
    assertThat(Rfc3339.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    assertThat(Rfc3339.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
  }

  @Test
  void acceptsFractionsOfAnyLengthAndALowerCaseZ() {
    assertThat(Rfc3339.parse("2026-11-27T05:00:00.5Z"))
        .isEqualTo(Instant.parse("2026-11-27T05:00:00.500Z"));
    assertThat(Rfc3339.parse("2026-11-27t05:00:00.123456789123z"))
        .isEqualTo(Instant.parse("2026-11-27T05:00:00.123456789Z"));
    assertThat(Rfc3339.parse("2024-02-29T23:59:59-01:00"))
        .isEqualTo(Instant.parse("2024-03-01T00:59:59Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-27T05:00Z", "2026-11-27 05:00:00Z", "2026-13-01T00:00:00Z",
      "2026-02-29T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T05:00:00", "2026-11-27T05:00:00.Z",
      "2026-11-27T05:00:00+0100", "2026-11-27T05:00:00+01:00x", "x026-11-27T05:00:00Z", ""})
  void rejectsWhatIsNotAnRfc3339DateTime(String text) {
    assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Rfc3339.parse(utf8(text)))
        .isInstanceOf(DateTimeParseException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-27T05:00:00\u00e9", "2026-11-27T05:00:00.5\u20acZ",
      "\u0662026-11-27T05:00:00Z", "2026-11-27T05:00:00Z\u00a0"})
  void refusesTextWithCharactersBeyondAsciiFromItsBytesToo(String text) {
    assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Rfc3339.parse(utf8(text)))
        .isInstanceOf(DateTimeParseException.class);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
