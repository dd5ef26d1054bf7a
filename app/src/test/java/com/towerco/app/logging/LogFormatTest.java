package com.towerco.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Envelope;
import com.towerco.events.Json;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.platform.logging.EventLogContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The distribution's logback.xml: text by default, JSON lines with the event's ids on request. */
class LogFormatTest {
  private final PrintStream stderr = System.err;

  @AfterEach
  void restore() throws Exception {
    System.setErr(stderr);
    System.clearProperty("TOWERCO_LOG_FORMAT");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void jsonLinesCarryTheCorrelationIdOfTheEventBeingHandled() throws Exception {
    JsonNode line = Json.mapper().readTree(logWhileHandling("json").strip());
    assertThat(line.path("level").asText()).isEqualTo("WARN");
    assertThat(line.path("message").asText()).isEqualTo("receiver refused the notification");
    assertThat(line.path("mdc").path("correlation_id").asText()).isEqualTo("incident-42");
    assertThat(line.path("mdc").path("event_id").asText()).isEqualTo("e-1");
    assertThat(line.path("mdc").path("event_type").asText()).isEqualTo("site.connectivity");
  }

  @Test
  void textIsTheDefault() throws Exception {
    String line = logWhileHandling(null);
    assertThat(line).contains("WARN").contains("receiver refused the notification");
    assertThat(line.strip()).doesNotStartWith("{");
  }

  @Test
  void theContextIsGoneAfterTheHandler() throws Exception {
    EventLogContext.enter(event());
    EventLogContext.clear();
    assertThat(org.slf4j.MDC.get(EventLogContext.CORRELATION_ID)).isNull();
    assertThat(org.slf4j.MDC.get(EventLogContext.EVENT_ID)).isNull();
  }

  private String logWhileHandling(String format) throws Exception {
    if (format != null) {
      System.setProperty("TOWERCO_LOG_FORMAT", format);
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource("/logback.xml"));
    EventLogContext.enter(event());
    try {
      LoggerFactory.getLogger("towerco.test").warn("receiver refused the notification");
    } finally {
      EventLogContext.clear();
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  private static Envelope event() {
    return Envelope.of("e-1", "towerco", "S1", Instant.parse("2026-05-01T08:00:00Z"),
        new SiteConnectivity(SiteConnectivity.ConnectivityState.REACHABLE, null, null),
        Map.of(EventLogContext.CORRELATION_ID, "incident-42"));
  }
}
