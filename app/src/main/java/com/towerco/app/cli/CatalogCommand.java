package com.towerco.app.cli;

import com.towerco.events.CatalogDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code towerco catalog}: the event catalogue generated from the JSON Schemas. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "Print (or write) the event catalogue generated from the JSON Schemas.")
public final class CatalogCommand implements Callable<Integer> {
  @Option(names = "--output", paramLabel = "FILE", description = "Write it here, e.g. docs/events.md.")
  Path output;

  @Override
  public Integer call() throws Exception {
    String markdown = CatalogDocument.markdown();
    if (output == null) {
      System.out.print(markdown);
    } else {
      Files.writeString(output, markdown, StandardCharsets.UTF_8);
    }
    return 0;
  }
}
