package com.towerco.simulator;

import com.towerco.events.Envelope;
import com.towerco.simulator.domain.Fault;
import com.towerco.simulator.domain.FaultSpec;
import com.towerco.simulator.domain.Fleet;
import com.towerco.simulator.domain.FleetSimulation;
import com.towerco.simulator.domain.SimulationReport;
import com.towerco.simulator.domain.SimulatorConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

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
  /**
   * Guards the simulation. Fair: a simulation that runs behind its pace takes the lock tick
   * after tick, and with a plain monitor an injection or a report could wait for it for tens of
   * seconds (the 5,000-site fleet map test's hub failure did); a fair lock serves the waiting
   * caller at the next tick. Events are sent outside it.
   */
  private final ReentrantLock lock = new ReentrantLock(true);
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
    lock.lock();
    try {
      if (used) {
        throw new IllegalStateException("a simulator runs once; build a new one");
      }
      used = true;
    } finally {
      lock.unlock();
    }
    sink.open(fleet().siteIds());
    for (Envelope site : inventory()) {
      sink.accept(site);
    }
    locked(() -> {
      simulation.countInventorySent();
      return null;
    });
    long end = config.duration() == null ? Long.MAX_VALUE
        : config.start().plus(config.duration()).toEpochMilli();
    Pacer pacer = Pacer.of(config);
    List<Envelope> due = new ArrayList<>();
    while (!stop.getAsBoolean()) {
      // Only this thread advances the simulation, so reading the next tick needs no lock.
      long next = simulation.nextTickMillis();
      if (next >= end || !pacer.await(next, stop)) {
        break;
      }
      locked(() -> {
        simulation.advance(due::add);
        return null;
      });
      due.forEach(sink::accept);
      due.clear();
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

  public SimulationReport report() {
    return locked(simulation::report);
  }

  /** Event time the simulation has reached. */
  public Instant simulatedTime() {
    return locked(() -> Instant.ofEpochMilli(simulation.nextTickMillis()));
  }

  /** Injects a fault whose offset counts from now in simulated time ({@code @0} = now). */
  public Fault inject(FaultSpec spec) {
    return locked(() -> simulation.inject(spec));
  }

  private <T> T locked(java.util.function.Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
