package com.towerco.app.cli;

import com.towerco.platform.dlq.DeadLetterLog;
import com.towerco.platform.kafka.KafkaClients;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code towerco dlq}: the dead-letter topic as a workflow. {@code list} what was dead-lettered
 * (by reason, service, topic, time), {@code show} one letter with its headers and value, and
 * {@code replay} letters to their original topics once the cause is fixed, each at most once.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
    description = {"Look into towerco.dlq and send records back once the cause is fixed.",
        "Every record a service cannot process goes to towerco.dlq with its reason, the "
            + "service and its original topic, partition and offset (headers dlq.*). "
            + "IDs are PARTITION:OFFSET in towerco.dlq, as 'list' prints them."},
    subcommands = {DlqListCommand.class, DlqShowCommand.class, DlqReplayCommand.class})
public final class DlqCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The dead-letter log of the broker {@code kafka} names, once it answered. */
  static DeadLetterLog open(KafkaOptions kafka, Clock clock) {
    return new DeadLetterLog(new KafkaClients(kafka.connect(Path.of("."))), clock);
  }
}
