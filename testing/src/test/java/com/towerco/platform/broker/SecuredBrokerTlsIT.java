package com.towerco.platform.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.TopicFamily;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.security.AclPlan;
import com.towerco.platform.security.BrokerAccess;
import com.towerco.platform.security.KafkaAccess;
import com.towerco.platform.security.KafkaCredentials;
import com.towerco.testing.TestFiles;
import com.towerco.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A secured embedded broker with a keystore: clients log in with SCRAM over TLS, and a client
 * that does not speak TLS gets nothing. The keystore is made by the JDK's keytool.
 */
class SecuredBrokerTlsIT {
  private static final String STORE_PASSWORD = "test-keystore-secret";
  private static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static Map<String, Map<String, String>> principals;
  private static KafkaCredentials credentials;

  @BeforeAll
  static void startBrokerWithTls() throws Exception {
    dir = Files.createTempDirectory("towerco-tls-");
    Path keystore = dir.resolve("broker.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "keytool").toString(), "-genkeypair", "-alias", "broker", "-keyalg", "RSA",
        "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
        "-keypass", STORE_PASSWORD).redirectErrorStream(true).start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8)).isZero();
    credentials = new KafkaCredentials(dir.resolve("credentials"), Map.of());
    broker = EmbeddedKafkaBroker.start(BrokerSettings.local(dir.resolve("kafka"), 0)
        .secured(BrokerAccess.security(credentials, keystore, STORE_PASSWORD)));
    AclPlan plan = AclPlan.of(List.of(KafkaAccess.of("probe").reads(TopicFamily.SITE_EVENTS)
        .writes(TopicFamily.SITE_EVENTS).groups("towerco-probe")), List.of(), "towerco");
    principals = BrokerAccess.setUp(broker, PlatformConfig.local(broker.bootstrapServers(),
        dir), plan, credentials);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
    TestFiles.deleteRecursively(dir);
  }

  @Test
  void aServiceLogsInWithScramOverTlsAndWritesAndReadsItsTopics() throws Exception {
    PlatformConfig config = PlatformConfig.local(broker.bootstrapServers(), dir)
        .withClientProperties(principals.get("service-probe"));
    KafkaClients clients = new KafkaClients(config);
    String topic;
    try (TopicProvisioner topics = new TopicProvisioner(clients)) {
      topic = topics.ensure(TopicFamily.SITE_EVENTS, "TLS1");
    }
    try (KafkaProducer<String, byte[]> producer = clients.producer("tls-test")) {
      producer.send(new ProducerRecord<>(topic, "TLS1", "over tls".getBytes(
          StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
    }
    try (TopicReader reader = new TopicReader(broker.bootstrapServers(),
        principals.get("service-probe"), "towerco-probe-", Pattern.compile(topic))) {
      assertThat(reader.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(30)))
          .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .containsExactly("over tls");
    }
  }

  @Test
  void refusesAClientThatDoesNotSpeakTls() {
    Map<String, Object> props = new HashMap<>(principals.get("service-probe"));
    props.put("security.protocol", "SASL_PLAINTEXT");
    props.put("bootstrap.servers", broker.bootstrapServers());
    props.put("request.timeout.ms", 3_000);
    props.put("default.api.timeout.ms", 5_000);
    try (Admin admin = Admin.create(props)) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
    }
  }

  @Test
  void writesClientSettingsThatCarryTheLoginButNotTheBrokersKeystoreSecret() throws Exception {
    String file = Files.readString(credentials.file("service-probe"));

    assertThat(file).contains("security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512",
        "username=\"service-probe\"").doesNotContain(STORE_PASSWORD);
  }
}
