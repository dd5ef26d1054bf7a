package com.towerco.simulator.domain;

import java.util.SplittableRandom;

/**
 * A seeded random stream for one site's physics: white sensor noise and slowly wandering
 * first-order autoregressive processes (weather, clouds, load), so readings look measured
 * rather than drawn. Each site has its own stream, so a fault at one site does not change the
 * noise anywhere else.
 */
final class Noise {
  private final SplittableRandom rng;

  Noise(long seed) {
    this.rng = new SplittableRandom(seed);
  }

  double gaussian(double sigma) {
    return rng.nextGaussian() * sigma;
  }

  double uniform(double min, double max) {
    return rng.nextDouble(min, max);
  }

  /**
   * One step of an AR(1) process with stationary deviation {@code sigma} and correlation
   * {@code phi} per step (phi = exp(-dt / tau)).
   */
  double ar1(double previous, double phi, double sigma) {
    return previous * phi + rng.nextGaussian() * sigma * Math.sqrt(1 - phi * phi);
  }

  /** A deterministic stream seed from a run seed, a site index and a purpose. */
  static long seed(long runSeed, int siteIndex, int purpose) {
    long z = runSeed * 0x9E3779B97F4A7C15L + siteIndex * 0xBF58476D1CE4E5B9L
        + purpose * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
