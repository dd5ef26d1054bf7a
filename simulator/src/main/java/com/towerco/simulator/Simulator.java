package com.towerco.simulator;

import com.towerco.events.Envelope;
import com.towerco.simulator.domain.Fault;
import com.towerco.simulator.domain.FaultSpec;
import com.towerco.simulator.domain.Fleet;
import com.towerco.simulator.domain.FleetSimulation;
import com.towerco.simulator.domain.SimulationReport;
import com.towerco.simulator.domain.SimulatorConfig;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The site fleet simulator as the launcher drives it: build it from a {@link SimulatorConfig}
 * (bad fault specs fail here, with the reason), {@link #run} it into an {@link EventSink} until
 * its duration is reached or {@code stop} says so, and ask for the {@link #report()} at any
 * time, also while it runs. {@link #inject} adds a fault to a running simulation (the demo's
 * "break something now" button). A simulator runs once.
 */
public final class Simulator {
  private final SimulatorConfig config;
  private final FleetSimulation simulation;
  private boolean used;

  public Simulator(SimulatorConfig config) {
    this.config = config;
    this.simulation = new FleetSimulation(config);
  }

  public SimulatorConfig config() {
    return config;
  }

  public Fleet fleet() {
    return simulation.fleet();
  }

  /** One {@code site.registered} event per site; {@link #run} sends these first. */
  public List<Envelope> inventory() {
    return simulation.inventory();
  }

  /**
   * Sends the inventory, then the fleet's events in event-time order until the configured
   * duration of simulated time has passed or {@code stop} returns true; flushes the sink and
   * returns the final report.
   */
  public SimulationReport run(EventSink sink, BooleanSupplier stop) {
    synchronized (this) {
      if (used) {
        throw new IllegalStateException("a simulator runs once; build a new one");
      }
      used = true;
    }
    sink.open(fleet().siteIds());
    for (Envelope site : inventory()) {
      sink.accept(site);
    }
    synchronized (this) {
      simulation.countInventorySent();
    }
    long end = config.duration() == null ? Long.MAX_VALUE
        : config.start().plus(config.duration()).toEpochMilli();
    Pacer pacer = Pacer.of(config);
    Consumer<Envelope> out = sink::accept;
    while (!stop.getAsBoolean()) {
      // Only this thread advances the simulation, so reading the next tick needs no lock.
      long next = simulation.nextTickMillis();
      if (next >= end || !pacer.await(next, stop)) {
        break;
      }
      synchronized (this) {
        simulation.advance(out);
      }
    }
    sink.flush();
    return report();
  }

  /** Runs for the configured duration with nothing to stop it early. */
  public SimulationReport run(EventSink sink) {
    if (config.duration() == null) {
      throw new IllegalStateException("no duration configured: pass a stop condition");
    }
    return run(sink, () -> false);
  }

  public synchronized SimulationReport report() {
    return simulation.report();
  }

  /** Event time the simulation has reached. */
  public synchronized Instant simulatedTime() {
    return Instant.ofEpochMilli(simulation.nextTickMillis());
  }

  /** Injects a fault whose offset counts from now in simulated time ({@code @0} = now). */
  public synchronized Fault inject(FaultSpec spec) {
    return simulation.inject(spec);
  }
}
