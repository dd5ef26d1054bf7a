package com.towerco.aiops.detection;

/**
 * Makes detectors of one kind under a registry name, fresh or from a snapshot. A snapshot
 * carries its detector's name and format version, and a factory refuses one that is not its own.
 */
public interface DetectorFactory {
  String name();

  /** One line for {@code --help} and the README. */
  String description();

  Detector create();

  /** The detector whose {@link Detector#snapshot()} gave {@code snapshot}. */
  Detector restore(byte[] snapshot);
}
