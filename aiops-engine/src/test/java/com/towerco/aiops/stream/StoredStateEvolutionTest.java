package com.towerco.aiops.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.correlation.AlertFact;
import com.towerco.aiops.correlation.GroupState;
import com.towerco.platform.runtime.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Correlation state and inputs written before relations and quiet alerts existed still read. */
class StoredStateEvolutionTest {
  @Test
  void aGroupStoredByTheEngineBeforeRelationsReadsWithDefaults() {
    String before = "[{\"incident_id\":\"inc-1\",\"kind\":\"SITE\",\"anchor_site\":\"S1\","
        + "\"chain\":\"POWER\",\"region\":\"north\",\"created_at\":\"2026-11-27T10:00:00Z\","
        + "\"members\":[{\"alert_id\":\"a1\",\"rule\":\"MAINS_FAILURE\",\"site_id\":\"S1\","
        + "\"severity\":\"major\",\"tenants\":[\"altel\"],"
        + "\"fired_at\":\"2026-11-27T10:00:00Z\",\"firing\":true}],\"opened\":true,"
        + "\"clear_since\":null,\"covered_hub\":null,\"announced\":\"S1|mains-failure\"}]";
    List<GroupState> groups = JsonSerde.listOf(GroupState.class).deserializer()
        .deserialize("t", before.getBytes(StandardCharsets.UTF_8));

    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).members().get(0).quiet()).isFalse();
    assertThat(groups.get(0).relations()).isNull();
    // stored before alerts were held (ADR-027): a member that was not evidence was published
    assertThat(groups.get(0).members().get(0).held()).isFalse();
    assertThat(groups.get(0).members().get(0).published()).isTrue();
    assertThat(groups.get(0).notifiedSeverity()).isNull();
    assertThat(com.towerco.aiops.correlation.Correlator.restore(
        com.towerco.aiops.correlation.CorrelationPolicy.defaults(), groups).snapshot())
        .hasSize(1);
  }

  @Test
  void anAlertFactWithoutTheNewFieldsReadsAsNotQuietWithNoRelations() {
    String before = "{\"alert_id\":\"a1\",\"fingerprint\":\"mains-failure|S1\","
        + "\"rule\":\"MAINS_FAILURE\",\"site_id\":\"S1\",\"region\":\"north\","
        + "\"hub_site_id\":null,\"severity\":\"major\",\"affected_tenants\":[],"
        + "\"time\":\"2026-11-27T10:00:00Z\",\"firing\":true}";
    AlertFact fact = JsonSerde.of(AlertFact.class).deserializer()
        .deserialize("t", before.getBytes(StandardCharsets.UTF_8));

    assertThat(fact.quiet()).isFalse();
    assertThat(fact.relations()).isEqualTo(AlertFact.Relations.NONE);
  }
}
