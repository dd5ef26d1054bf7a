package com.towerco.platform.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread's share of the cores when they are contended (ADR-068). The scheduler shares a
 * contended core between runnable threads by their nice value's weight (Linux CFS: 1024 at 0,
 * 110 at 10): equal shares at equal nice. A background reader (ADR-025) reads a second's records
 * in one round and works them off at full speed, as the analytics writer commits a second's
 * batches at once; five such bursts a second overlapping filled both cores for hundreds of
 * milliseconds at half the sustained rate, and the engine's stream thread then waited for a core
 * as long as it ran: the event-to-alert p99 tail. A thread that lowers itself by {@link
 * #BACKGROUND_STEPS} keeps every idle cycle (nice takes nothing from a thread while a core is
 * free) but yields a contended core to the process's other threads (a tenth of their weight): the
 * engine's stream thread, the broker, the feeds.
 *
 * <p>Linux only, and only lowering (raising needs privileges): the thread finds its own id in
 * {@code /proc/thread-self} and asks {@code renice} (a thread's nice is its own on Linux);
 * elsewhere, or without {@code renice}, the thread keeps its priority and this says so once.
 */
public final class CpuPriority {
  private static final Logger LOG = LoggerFactory.getLogger(CpuPriority.class);
  /**
   * How many nice steps background loops' threads run below the process: a tenth of the weight
   * (each step is ~1.25x), whatever nice the process itself was started at.
   */
  public static final int BACKGROUND_STEPS = 10;
  private static final int LOWEST = 19;
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private CpuPriority() {}

  /**
   * Lowers the calling thread by {@code steps} nice steps (at most to 19; 0 leaves it as it
   * is); true if it now runs lower. Threads it starts afterwards inherit it.
   */
  public static boolean lowerCurrentThread(int steps) {
    int now = currentNice();
    int nice = Math.min(LOWEST, now + steps);
    if (steps <= 0 || nice == now) {
      return false;
    }
    if (!Files.exists(THREAD_SELF)) {
      return unchanged("no /proc/thread-self (not Linux)");
    }
    try {
      String self = Files.readSymbolicLink(THREAD_SELF).toString(); // <pid>/task/<tid>
      String tid = self.substring(self.lastIndexOf('/') + 1);
      Process renice = new ProcessBuilder("renice", "-n", String.valueOf(nice), "-p", tid)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!renice.waitFor(10, TimeUnit.SECONDS)) {
        renice.destroyForcibly();
        return unchanged("renice did not answer");
      }
      return renice.exitValue() == 0 || unchanged("renice exited " + renice.exitValue());
    } catch (IOException | RuntimeException e) {
      return unchanged(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The calling thread's nice value (Linux), or 0 where it cannot be read. */
  public static int currentNice() {
    try {
      String stat = Files.readString(THREAD_SELF.resolve("stat"));
      // fields after the command name (which may hold spaces), from the state: nice is the 17th
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(f[16]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static boolean unchanged(String why) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.info("background threads keep the default CPU priority ({}): under contention they "
          + "share the cores equally with the event-to-alert path", why);
    }
    return false;
  }
}
