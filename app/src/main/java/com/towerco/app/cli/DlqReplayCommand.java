package com.towerco.app.cli;

import com.towerco.platform.dlq.DeadLetter;
import com.towerco.platform.dlq.DeadLetterFilter;
import com.towerco.platform.dlq.DeadLetterLog;
import com.towerco.platform.dlq.Redriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code towerco dlq replay}: dead letters back to their original topics after a fix, by id or
 * by filter; a letter already re-driven is reported, not sent again.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Send dead letters back to the topic they came from, once the cause is fixed "
        + "(a new version deployed, a missing site registered, a receiver back up).",
        "The record keeps its key, value and headers (without dlq.*) and gains "
            + "dlq.redriven-from=ID and dlq.redriven-at; its event_id is unchanged, so a "
            + "service that had processed it skips the duplicate. Each dead letter is "
            + "re-driven at most once: replaying it again reports the earlier re-drive."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "2:nothing chosen", "3:no such dead letter"})
public final class DlqReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Dead letters to replay (PARTITION:OFFSET); or choose with the filter.")
  List<String> ids = new ArrayList<>();

  @Mixin
  DlqFilterOptions filter;

  @Option(names = "--value-file", paramLabel = "FILE",
      description = "Send this corrected value instead of the dead letter's (one ID only).")
  Path valueFile;

  @Option(names = "--dry-run", description = "Say what would be sent, send nothing.")
  boolean dryRun;

  @Mixin
  KafkaOptions kafka;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Clock clock = Clock.systemUTC();
    DeadLetterFilter chosen = filter.filter(clock);
    if (ids.isEmpty() == chosen.isEmpty()) {
      System.err.println("towerco dlq replay: name dead letters by ID or by filter (--reason, "
          + "--service, --topic, --since, --until), not both and not neither");
      return 2;
    }
    if (valueFile != null && ids.size() != 1) {
      System.err.println("towerco dlq replay: --value-file replaces the value of one ID");
      return 2;
    }
    byte[] replacement = valueFile == null ? null : Files.readAllBytes(valueFile);
    DeadLetterLog log = DlqCommand.open(kafka, clock);
    List<DeadLetter> letters = new ArrayList<>();
    if (ids.isEmpty()) {
      letters.addAll(log.read(chosen).letters());
    } else {
      for (String id : ids) {
        DeadLetter letter = log.find(id).orElse(null);
        if (letter == null) {
          System.err.println("towerco dlq replay: no dead letter " + id + " in towerco.dlq");
          return 3;
        }
        letters.add(letter);
      }
    }
    java.io.PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      letters.forEach(l -> out.println("would re-drive " + l.id() + " (" + l.reason()
          + ") to " + l.originTopic()));
      return 0;
    }
    int sent = 0;
    try (Redriver redriver = log.redriver()) {
      for (DeadLetter letter : letters) {
        Redriver.Outcome outcome = redriver.redrive(letter, replacement);
        DeadLetterLog.Redrive r = outcome.redrive();
        String where = r.topic() + "-" + r.partition() + "@" + r.offset();
        if (outcome.sentNow()) {
          sent++;
          out.println("re-drove " + letter.id() + " (" + letter.reason() + ") to "
              + where + (r.replacedValue() ? " with the corrected value" : ""));
        } else {
          out.println("already re-driven " + letter.id() + " at " + r.at() + " to "
              + where + "; not sent again");
        }
      }
    }
    System.err.printf("%d re-driven, %d already had been%n", sent, letters.size() - sent);
    return 0;
  }
}
