package com.towerco.app.cli;

import com.towerco.events.Json;
import com.towerco.platform.dlq.DeadLetter;
import com.towerco.platform.dlq.DeadLetterJson;
import com.towerco.platform.dlq.DeadLetterLog;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code towerco dlq list}: the dead letters a filter matches, newest last. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List dead letters: id, when, service, reason, original topic, event id, "
        + "whether it was re-driven.")
public final class DlqListCommand implements Callable<Integer> {
  @Mixin
  DlqFilterOptions filter;

  @Option(names = "--limit", defaultValue = "100",
      description = "At most this many, the newest (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "One JSON object per line, with headers and value.")
  boolean json;

  @Mixin
  KafkaOptions kafka;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Clock clock = Clock.systemUTC();
    DeadLetterLog.Contents contents = DlqCommand.open(kafka, clock).read(filter.filter(clock));
    List<DeadLetter> letters = contents.letters();
    List<DeadLetter> shown = letters.subList(Math.max(0, letters.size() - limit), letters.size());
    // the command line's own writer (System.out unless set): what a caller captures is only this
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      for (DeadLetter letter : shown) {
        out.println(Json.mapper().writeValueAsString(DeadLetterJson.of(letter,
            contents.redrives().get(letter.id()), 10_000)));
      }
      return 0;
    }
    out.printf("%-9s %-24s %-14s %-18s %-44s %-36s %s%n", "ID", "DEAD-LETTERED", "SERVICE",
        "REASON", "FROM", "EVENT ID", "RE-DRIVEN");
    for (DeadLetter letter : shown) {
      DeadLetterLog.Redrive redrive = contents.redrives().get(letter.id());
      out.printf("%-9s %-24s %-14s %-18s %-44s %-36s %s%n", letter.id(), letter.time(),
          letter.service(), letter.reason(), letter.origin(),
          letter.eventId() == null ? "-" : letter.eventId(),
          redrive == null ? "-" : redrive.at() + " -> " + redrive.topic() + "-"
              + redrive.partition() + "@" + redrive.offset());
    }
    System.err.printf("%d dead letter(s) match%s; 'towerco dlq show ID' for one%n",
        letters.size(), shown.size() < letters.size() ? ", the newest " + shown.size()
            + " shown" : "");
    return 0;
  }
}
