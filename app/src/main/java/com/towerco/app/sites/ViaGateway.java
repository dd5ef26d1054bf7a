package com.towerco.app.sites;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.simulator.EventSink;
import java.util.List;

/**
 * The simulator's events as a real fleet sends them: the inventory straight to Kafka (it is the
 * operator's, not the sites'), everything the sites say through the ingest gateway.
 */
public final class ViaGateway implements EventSink {
  private final EventSink inventory;
  private final EventSink sites;
  private final java.time.Duration inventorySettle;
  private boolean inventoryOut;

  /**
   * {@code inventorySettle}: how long to wait after the first registrations are in Kafka before
   * the sites start talking, so the gateway knows them (its inventory view polls).
   */
  public ViaGateway(EventSink inventory, EventSink sites, java.time.Duration inventorySettle) {
    this.inventory = inventory;
    this.sites = sites;
    this.inventorySettle = inventorySettle;
  }

  /** Where the sites' events go. */
  public EventSink sites() {
    return sites;
  }

  @Override
  public void open(List<String> siteIds) {
    inventory.open(siteIds);
  }

  @Override
  public void accept(Envelope event) {
    if (event.type().topic() == TopicFamily.INVENTORY) {
      inventory.accept(event);
    } else {
      if (!inventoryOut) {
        inventory.flush();
        inventoryOut = true;
        try {
          Thread.sleep(inventorySettle.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      sites.accept(event);
    }
  }

  @Override
  public void flush() {
    sites.flush();
    inventory.flush();
  }
}
