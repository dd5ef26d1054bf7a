package com.towerco.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.site.SiteRegistered;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default fleet's shape: sites, hubs, regions, tenancies and their SLA terms. */
class FleetGeneratorTest {
  private final Fleet fleet = FleetGenerator.generate(SimulatorConfig.defaults());

  @Test
  void fiftySitesInFourRegionsWithAHubPerTenSites() {
    assertThat(fleet.sites()).hasSize(50);
    assertThat(fleet.siteIds()).startsWith("S0001", "S0002").endsWith("S0050");
    assertThat(fleet.hubs()).extracting(SiteSpec::id)
        .containsExactly("S0001", "S0011", "S0021", "S0031", "S0041");
    assertThat(fleet.sites()).extracting(s -> s.region().id()).containsOnly("north", "coast",
        "central", "lakes");
    assertThat(fleet.behindHub("S0001")).hasSize(9)
        .allSatisfy(s -> assertThat(s.region()).isEqualTo(fleet.site("S0001").get().region()));
    assertThat(fleet.sites()).filteredOn(s -> !s.hub())
        .allSatisfy(s -> assertThat(fleet.site(s.hubSiteId()).get().hub()).isTrue());
    assertThat(fleet.hubs()).allSatisfy(h -> assertThat(h.hubSiteId()).isNull());
  }

  @Test
  void everySiteHostsOneToFourDistinctTenanciesWithSlaTerms() {
    List<SiteRegistered> registrations = fleet.sites().stream().map(SiteSpec::registration)
        .toList();
    assertThat(registrations).allSatisfy(r -> {
      assertThat(r.tenancies()).hasSizeBetween(1, 4);
      assertThat(r.tenancies()).extracting(SiteRegistered.Tenancy::tenantId)
          .doesNotHaveDuplicates().isSubsetOf(SimulatorConfig.DEFAULT_TENANTS);
      assertThat(r.tenancies()).allSatisfy(t -> {
        assertThat(t.slaAvailabilityPct()).isBetween(99.5, 99.95);
        assertThat(t.dcMinV()).isBetween(46.0, 48.0);
        assertThat(t.dcMaxV()).isEqualTo(57.0);
        assertThat(t.backupHours()).isBetween(2.0, 8.0);
      });
    });
    assertThat(registrations).flatExtracting(SiteRegistered::tenancies)
        .extracting(SiteRegistered.Tenancy::tenantId)
        .containsAll(SimulatorConfig.DEFAULT_TENANTS);
    assertThat(registrations.stream().mapToInt(r -> r.tenancies().size()).distinct())
        .contains(1, 2, 3, 4);
  }

  @Test
  void mostSitesHaveAGeneratorSomeHaveSolarAndBatteriesAreSizedForTheBackupLeased() {
    long generators = fleet.sites().stream().filter(s -> s.plant().generator()).count();
    long solar = fleet.sites().stream().filter(s -> s.plant().solar()).count();
    assertThat(generators).isBetween(35L, 49L);
    assertThat(solar).isBetween(5L, 25L);
    assertThat(fleet.sites()).allSatisfy(s -> {
      double loadA = s.nominalLoadKw() * 1000 / 50;
      double leased = s.tenancies().stream().mapToDouble(TenancySpec::backupHours).max()
          .orElseThrow();
      assertThat(s.plant().batteryCapacityAh()).isGreaterThanOrEqualTo(0.9 * loadA * leased);
      assertThat(s.plant().rectifierModules() * 50.0).isGreaterThan(loadA);
    });
  }

  @Test
  void theSameSeedBuildsTheSameFleetAndAnotherSeedAnother() {
    Fleet again = FleetGenerator.generate(SimulatorConfig.defaults());
    Fleet other = FleetGenerator.generate(SimulatorConfig.defaults().withSeed(43));

    assertThat(again.sites()).isEqualTo(fleet.sites());
    assertThat(other.sites()).isNotEqualTo(fleet.sites());
  }

  @Test
  void moreTenantsAndRegionsThanTheBuiltInNamesGetNumberedIds() {
    Fleet big = FleetGenerator.generate(SimulatorConfig.defaults().withSites(200)
        .withLayout(10, 10).withTenants(List.of("t1", "t2", "t3", "t4", "t5", "t6")));

    assertThat(big.regions()).hasSize(10).extracting(Region::id).doesNotHaveDuplicates()
        .contains("north2", "coast2");
    assertThat(big.sites().get(199).id()).isEqualTo("S0200");
  }
}
