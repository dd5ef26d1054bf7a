package com.towerco.events.payload.site;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Reachability of a site as seen by the mediation layer that polls it. When a hub's transmission
 * fails, every site behind it becomes unreachable at once and its telemetry stops.
 */
@EventDefinition(name = "site.connectivity", version = "1.0", topic = TopicFamily.SITE_EVENTS,
    description = "The mediation layer lost or regained contact with the site.")
public record SiteConnectivity(
    @Description("Whether the mediation layer can reach the site.")
    @Required ConnectivityState state,
    @Description("The hub the site's transmission goes through.") @Id String viaHubSiteId,
    @Description("Why, as far as the mediation layer knows.")
    @Text(500) String reason) implements Payload {

  /** Reachability states. */
  public enum ConnectivityState {
    @JsonProperty("reachable") REACHABLE,
    @JsonProperty("unreachable") UNREACHABLE
  }
}
