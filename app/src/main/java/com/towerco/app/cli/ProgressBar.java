package com.towerco.app.cli;

import java.io.PrintStream;

/** A one-line progress bar on standard error: {@code [#####.....]  45 %  12,345 / 27,000}. */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private long total;
  private long lastPrinted = -1;

  ProgressBar(PrintStream out, String label) {
    this.out = out;
    this.label = label;
  }

  void total(long total) {
    this.total = total;
  }

  void update(long done) {
    long percent = total <= 0 ? 100 : Math.min(100, done * 100 / total);
    if (percent == lastPrinted && done < total) {
      return;
    }
    lastPrinted = percent;
    int filled = (int) (percent * WIDTH / 100);
    out.printf("\r%s [%s%s] %3d %%  %,d / %,d", label, "#".repeat(filled),
        ".".repeat(WIDTH - filled), percent, Math.min(done, total), total);
    out.flush();
  }

  void done() {
    update(total);
    out.println();
  }
}
