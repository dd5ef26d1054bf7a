package com.towerco.events.payload.site;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.required;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Reachability of a site as seen by the mediation layer that polls it. When a hub's transmission
 * fails, every site behind it becomes unreachable at once and its telemetry stops.
 */
public record SiteConnectivity(
    @JsonProperty(required = true) ConnectivityState state,
    String viaHubSiteId,
    String reason) implements Payload {

  public SiteConnectivity {
    required(state, "state");
    Check.optionalId(viaHubSiteId, "via_hub_site_id");
    Check.optionalText(reason, "reason", 500);
  }

  /** Reachability states. */
  public enum ConnectivityState {
    @JsonProperty("reachable") REACHABLE,
    @JsonProperty("unreachable") UNREACHABLE
  }
}
