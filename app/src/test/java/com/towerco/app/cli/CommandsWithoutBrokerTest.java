package com.towerco.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.app.Towerco;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Commands against a port where no broker listens: listing needs none, and a command that needs
 * one says which address it tried, how long it waited and how to get a broker, then exits 1.
 */
class CommandsWithoutBrokerTest {
  private static String closed;

  /** What a command printed and how it ended. */
  private record Run(int code, String out, String err) {}

  @BeforeAll
  static void findAClosedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = "127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Test
  void topicsListsEveryFamilysRetentionAndRefusesAWindowBelowItsMinimum() {
    Run run = run("topics", "--retention", "kpi-metrics=P400D");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("`incident-lifecycle`", "retention.ms=-1",
        "| `kpi-metrics` | `towerco.kpis.{tenant_id}.metrics` | window | 400 d (32 d)",
        "cleanup.policy=compact");
    Run tooShort = run("topics", "--retention", "site-events=24h");
    assertThat(tooShort.code()).isEqualTo(1);
    assertThat(tooShort.err()).contains("site-events", "shorter than its minimum");
    Run forever = run("topics", "--retention", "incident-lifecycle=P30D");
    assertThat(forever.code()).isEqualTo(1);
    assertThat(forever.err()).contains("kept forever");
  }

  @Test
  void listingProjectionsNeedsNoBroker() {
    Run run = run("replay", "--projection", "list", "--bootstrap-servers", closed);
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("incidents", "optimizations", "refuels", "sla");
  }

  @Test
  void anUnknownProjectionIsRefusedWithTheListAndNoBroker() {
    Run run = run("replay", "--projection", "nonesuch", "--bootstrap-servers", closed);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains("projections: incidents");
  }

  @Test
  void listingDetectorsAndDeadLetterHelpNeedNoBroker() {
    Run detectors = run("detect", "--list");
    assertThat(detectors.code()).isZero();
    assertThat(detectors.out()).contains("adaptive");
    Run help = run("dlq", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("list", "show", "replay");
  }

  @Test
  void commandsThatNeedABrokerSayWhereTheyLookedHowLongAndHowToStartOne() {
    // one of each way in: KafkaOptions.connect (replay, simulate), the dead-letter log, run
    for (String[] command : new String[][] {
        {"replay", "--projection", "incidents"},
        {"dlq", "replay", "0:1"},
        {"run", "--services", "kpi", "--http-port", "-1"}}) {
      String[] args = new String[command.length + 2];
      System.arraycopy(command, 0, args, 0, command.length);
      args[command.length] = "--bootstrap-servers";
      args[command.length + 1] = closed;
      Run run = run(args);
      assertThat(run.code()).as(String.join(" ", command)).isEqualTo(1);
      assertThat(run.err()).as(String.join(" ", command))
          .contains("no Kafka broker answered at " + closed + " within "
              + BrokerCheck.WAIT.toSeconds() + " s")
          .contains("bin/towerco demo")
          .contains("--bootstrap-servers HOST:PORT");
    }
  }

  private static Run run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine cli = Towerco.commandLine();
      cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      int code = cli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }
}
