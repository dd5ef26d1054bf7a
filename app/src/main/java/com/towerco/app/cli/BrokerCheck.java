package com.towerco.app.cli;

import com.towerco.platform.PlatformConfig;
import com.towerco.platform.kafka.KafkaClients;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Asks the broker a command needs whether it is there, before the command waits on it: without
 * one the command ends within seconds saying which address it tried, how long it waited and how
 * to start one, instead of a topic-provisioning timeout half a minute later.
 */
final class BrokerCheck {
  static final Duration WAIT = Duration.ofSeconds(5);

  private BrokerCheck() {}

  static void require(PlatformConfig config) {
    require(config, WAIT);
  }

  static void require(PlatformConfig config, Duration wait) {
    Map<String, Object> props = new KafkaClients(config).adminProperties();
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "towerco-broker-check");
    props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) wait.toMillis());
    props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) wait.toMillis());
    props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    String problem;
    Admin admin = null;
    try {
      admin = Admin.create(props);
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) wait.toMillis()))
          .clusterId().get(wait.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      return;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthenticationException
          || e.getCause() instanceof AuthorizationException) {
        throw new IllegalStateException("the Kafka broker at " + config.bootstrapServers()
            + " refused this client: " + e.getCause().getMessage() + "; check the security "
            + "settings in --kafka-config (or TOWERCO_KAFKA_* variables)", e.getCause());
      }
      problem = e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
          ? "nothing answered" : e.getCause().getMessage();
    } catch (TimeoutException e) {
      problem = "nothing answered";
    } catch (KafkaException e) {
      problem = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "interrupted";
    } finally {
      if (admin != null) {
        admin.close(Duration.ZERO);
      }
    }
    throw new IllegalStateException(String.format(
        "no Kafka broker answered at %s within %d s (%s).%n"
            + "  Start one:   bin/towerco demo  (the whole platform on an embedded broker, port "
            + "9092)%n"
            + "           or  bin/towerco broker --port 9092 --data-dir data/broker%n"
            + "  Or use yours: --bootstrap-servers HOST:PORT (TLS/SASL: --kafka-config FILE)",
        config.bootstrapServers(), wait.toSeconds(), problem));
  }
}
