package com.towerco.platform.runtime;

/**
 * Where a consumed event came from: its topic coordinates, key and the exact bytes received
 * (stores that keep the original JSON use them rather than re-encoding).
 */
public record SourceRecord(String topic, int partition, long offset, String key, byte[] value,
    long brokerTimestamp) {}
