package com.towerco.platform.kafka;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The JVM heap layout the platform's Kafka buffers are sized for (ADR-042). With G1 an object of
 * half a region or more is humongous: allocated outside the young generation in whole regions,
 * each allocation counted against the concurrent-cycle threshold, reclaimed only at a collection
 * that finds it dead. G1 picks 1 MB regions for a 2 GB heap, so every fetch response over 512 KB
 * was one. The launcher ({@code bin/towerco}, also the container's entry point) declares
 * {@link #REGION_BYTES}; a consumer's fetch response ({@link KafkaClients#FETCH_MAX_BYTES} plus
 * at most one batch, {@link KafkaClients#BATCH_SIZE}) and a producer's request stay under half
 * of it. A JVM started otherwise is told at start-up ({@link #check()}).
 */
public final class HeapLayout {
  /** G1's region size the launcher sets ({@code -XX:G1HeapRegionSize=4m}). */
  public static final long REGION_BYTES = 4L * 1024 * 1024;

  private HeapLayout() {}

  /** The largest buffer a platform client allocates per fetch response. */
  public static long largestFetchResponse() {
    return (long) KafkaClients.FETCH_MAX_BYTES + KafkaClients.BATCH_SIZE;
  }

  /** A warning if this JVM makes the platform's fetch responses humongous, else empty. */
  public static Optional<String> check() {
    HotSpotDiagnosticMXBean vm =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    if (vm == null) {
      return Optional.empty();
    }
    boolean g1 = Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue());
    long region = Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
    return check(g1, region);
  }

  /** As {@link #check()}, for a JVM on G1 ({@code g1}) with regions of {@code regionBytes}. */
  static Optional<String> check(boolean g1, long regionBytes) {
    if (!g1 || largestFetchResponse() < regionBytes / 2) {
      return Optional.empty();
    }
    return Optional.of(String.format("G1 regions of %d KB make every fetch response over %d KB a "
            + "humongous object (up to %d KB each): start the JVM with -XX:G1HeapRegionSize=%dm "
            + "as bin/towerco does (ADR-042)", regionBytes / 1024, regionBytes / 2048,
        largestFetchResponse() / 1024, REGION_BYTES >> 20));
  }
}
