package com.towerco.notification.support;

import com.towerco.notification.NotificationServiceFactory;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The notification service in a JVM of its own, so a test can kill it (SIGKILL: no shutdown
 * hook, no commit, no flush) in the middle of its work. {@code main} runs the service;
 * {@link #start} launches it on the test's classpath.
 */
public final class ServiceProcess {
  private ServiceProcess() {}

  /** Args: bootstrap servers, routing config file, data dir, instance id, ready-marker file. */
  public static void main(String[] args) throws Exception {
    PlatformConfig config = PlatformConfig.local(args[0], Path.of(args[2]))
        .withTopicLayout(2, 2, (short) 1).withInstanceId(args[3]);
    ServiceContext context = new ServiceContext(config, new PlatformMetrics());
    PlatformService service = new NotificationServiceFactory().create(context,
        new ServiceSettings(Map.of("notification.config", args[1],
            "notification.tick-interval", "PT0.1S")));
    service.start();
    while (!service.isReady()) {
      Thread.sleep(100);
    }
    Files.writeString(Path.of(args[4]), "ready");
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Starts the service in a child JVM and waits until it is ready. */
  public static Process start(String bootstrap, Path config, Path dataDir, String instanceId,
      Path log) throws IOException, InterruptedException {
    Path ready = dataDir.resolve("ready");
    Files.createDirectories(dataDir);
    Files.deleteIfExists(ready);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp",
        System.getProperty("java.class.path"), ServiceProcess.class.getName(), bootstrap,
        config.toString(), dataDir.toString(), instanceId, ready.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (!Files.exists(ready)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("the service process did not get ready; see " + log);
      }
      Thread.sleep(100);
    }
    return process;
  }

  public static String classPathSeparator() {
    return File.pathSeparator;
  }
}
