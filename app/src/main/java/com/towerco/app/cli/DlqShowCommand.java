package com.towerco.app.cli;

import com.towerco.events.Json;
import com.towerco.platform.dlq.DeadLetter;
import com.towerco.platform.dlq.DeadLetterFilter;
import com.towerco.platform.dlq.DeadLetterJson;
import com.towerco.platform.dlq.DeadLetterLog;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code towerco dlq show ID}: one dead letter, all of it, as indented JSON. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show one dead letter: reason, detail, service, original coordinates, "
        + "headers, value and re-drive.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:shown", "3:no such dead letter"})
public final class DlqShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "PARTITION:OFFSET in towerco.dlq.")
  String id;

  @Mixin
  KafkaOptions kafka;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DeadLetterLog log = DlqCommand.open(kafka, Clock.systemUTC());
    DeadLetter letter = log.find(id).orElse(null);
    if (letter == null) {
      System.err.println("towerco dlq show: no dead letter " + id + " in towerco.dlq");
      return 3;
    }
    DeadLetterLog.Redrive redrive = log.read(DeadLetterFilter.ALL).redrives().get(id);
    spec.commandLine().getOut().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
        DeadLetterJson.of(letter, redrive, Integer.MAX_VALUE)));
    return 0;
  }
}
