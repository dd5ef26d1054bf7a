package com.towerco.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaCredentialsTest {
  @TempDir
  Path dir;

  @Test
  void generatesAPasswordOnceStoresItOwnerOnlyAndReusesItLater() throws Exception {
    KafkaCredentials first = new KafkaCredentials(dir.resolve("creds"), Map.of());
    Map<String, String> props = first.clientProperties("service-kpi", "SCRAM-SHA-512",
        Map.of("security.protocol", "SASL_PLAINTEXT"));
    String password = first.password("service-kpi");

    Path file = first.file("service-kpi");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(password).hasSizeGreaterThanOrEqualTo(40);
    assertThat(props.get("sasl.jaas.config")).contains("username=\"service-kpi\"",
        "password=\"" + password + "\"");
    assertThat(first.created()).containsExactly("service-kpi");
    assertThat(first.help()).anyMatch(l -> l.contains(password));

    KafkaCredentials again = new KafkaCredentials(dir.resolve("creds"), Map.of());
    assertThat(again.password("service-kpi")).isEqualTo(password);
    assertThat(again.created()).isEmpty();
    assertThat(again.help()).noneMatch(l -> l.contains(password));
  }

  @Test
  void takesAPasswordFromTheEnvironmentFirst() {
    KafkaCredentials credentials = new KafkaCredentials(dir, Map.of(
        "TOWERCO_SASL_PASSWORD_TENANT_ACME", "given-by-the-operator"));

    assertThat(credentials.password("tenant-acme")).isEqualTo("given-by-the-operator");
    assertThat(credentials.created()).isEmpty();
  }

  @Test
  void refusesAnEnvironmentPasswordThatWouldBreakTheLoginModule() {
    KafkaCredentials credentials = new KafkaCredentials(dir, Map.of(
        "TOWERCO_SASL_PASSWORD_TENANT_ACME", "long-enough\" but quoted"));

    assertThatThrownBy(() -> credentials.password("tenant-acme"))
        .hasMessageContaining("no quote or backslash");
  }
}
