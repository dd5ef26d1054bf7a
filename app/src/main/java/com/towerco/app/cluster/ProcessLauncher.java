package com.towerco.app.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code towerco} subcommands as separate JVMs from the running one (same Java, same
 * class path), each with its output in a log file; the children outlive this process.
 */
public final class ProcessLauncher {
  private final Path logDir;

  public ProcessLauncher(Path logDir) {
    this.logDir = logDir;
  }

  /** Starts {@code towerco ARGS} as {@code name}, with this heap; output in LOG_DIR/name.log. */
  public Process start(String name, String heap, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + heap);
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("com.towerco.app.Towerco");
    command.addAll(args);
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(name + ".log");
      return new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }
}
