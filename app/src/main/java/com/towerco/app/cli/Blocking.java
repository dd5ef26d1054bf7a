package com.towerco.app.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a long-running command alive until Ctrl-C or SIGTERM, then runs its shutdown. */
final class Blocking {
  private Blocking() {}

  static void untilShutdown(AutoCloseable running) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("shutting down ...");
      try {
        running.close();
      } catch (Exception e) {
        System.err.println("error while stopping: " + e);
      } finally {
        stopped.countDown();
      }
    }, "towerco-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
