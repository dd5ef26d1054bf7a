package com.towerco.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

public class SiteSheetTest {
  public static final String HEADER = "site_id,name,region,hub_site_id,hub,latitude,longitude,grid,"
      + "generator,solar,battery_capacity_ah,fuel_capacity_l,generator_consumption_lph,"
      + "tenancies\n";

  @Test
  void goodRowsBecomeRegistrationsAndBadOnesAreReportedWithTheirLine() {
    SiteSheet.Parsed parsed = SiteSheet.parse(new StringReader(HEADER
        + "N0001,North hub,north,,true,9.05,7.49,true,true,false,400,1000,3.5,"
        + "altel:99.9:46:56:4|kora:99.5:46:56:2\n"
        + "N0002,Village,north,N0001,false,9.1,7.5,false,true,true,200,500,2.5,altel:99:46:56:4\n"
        + "N 3,Bad id,north,,false,9,7,true,false,false,100,0,0,\n"
        + "N0004,Far,north,,false,95,7,true,false,false,100,0,0,\n"));

    assertThat(parsed.rows()).extracting(SiteSheet.Row::siteId).containsExactly("N0001",
        "N0002");
    var hub = parsed.rows().get(0).site();
    assertThat(hub.hub()).isTrue();
    assertThat(hub.tenancies()).extracting(t -> t.tenantId()).containsExactly("altel", "kora");
    assertThat(parsed.rows().get(1).site().hubSiteId()).isEqualTo("N0001");
    assertThat(parsed.errors()).hasSize(2);
    assertThat(parsed.errors().get(0)).startsWith("line 4: site_id 'N 3'");
    assertThat(parsed.errors().get(1)).startsWith("line 5:").contains("latitude");
  }

  @Test
  void aSheetWithoutTheColumnsSaysWhichAreMissing() {
    SiteSheet.Parsed parsed = SiteSheet.parse(new StringReader("site_id,name\nA,B\n"));
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.errors()).singleElement().asString().contains("region")
        .contains("tenancies");
  }

  @Test
  void optionalRelationColumnsCarryWhatCorrelationGroupsBy() {
    SiteSheet.Parsed parsed = SiteSheet.read(HEADER.replace("tenancies\n",
        "tenancies,grid_feeder_id,fuel_supplier_id\n")
        + "F0001,Feeder site,east,,false,9.05,7.49,true,true,false,400,1000,3.5,"
        + "altel:99.9:46:56:4,FDR-7,fuelco\n"
        + "F0002,No relations,east,,false,9.05,7.49,true,true,false,400,1000,3.5,,,\n");

    assertThat(parsed.errors()).isEmpty();
    var relations = parsed.rows().get(0).site().relations();
    assertThat(relations.gridFeederId()).isEqualTo("FDR-7");
    assertThat(relations.fuelSupplierId()).isEqualTo("fuelco");
    assertThat(relations.parentHubSiteId()).isNull();
    assertThat(parsed.rows().get(1).site().relations()).isNull();
  }

  @Test
  void aJsonArrayUsesTheContractNamesAndReportsBadItemsByIndex() {
    SiteSheet.Parsed parsed = SiteSheet.read("""
        [{"site_id": "J0001", "name": "Json hub", "region": "west", "hub": true,
          "latitude": 6.5, "longitude": 3.4,
          "power": {"grid": true, "generator": true, "solar": false, "battery_capacity_ah": 400,
                    "fuel_capacity_l": 1000, "generator_consumption_lph": 3.5},
          "tenancies": [{"tenant_id": "altel", "sla_availability_pct": 99.9, "dc_min_v": 46,
                         "dc_max_v": 56, "backup_hours": 4}],
          "relations": {"grid_feeder_id": "FDR-1", "maintenance_contractor_id": "fixit"}},
         {"site_id": "J 2", "name": "Bad id"},
         {"site_id": "J0003", "name": "Too far north", "region": "west", "hub": false,
          "latitude": 95, "longitude": 3.4,
          "power": {"grid": true, "generator": false, "solar": false, "battery_capacity_ah": 1,
                    "fuel_capacity_l": 0, "generator_consumption_lph": 0}, "tenancies": []},
         {"site_id": "J0004", "name": "Painted", "region": "west", "hub": false,
          "latitude": 6, "longitude": 3.4, "colour": "red",
          "power": {"grid": true, "generator": false, "solar": false, "battery_capacity_ah": 1,
                    "fuel_capacity_l": 0, "generator_consumption_lph": 0}, "tenancies": []},
         {"site_id": "J0005", "region": "west"}]
        """);

    assertThat(parsed.rows()).extracting(SiteSheet.Row::siteId).containsExactly("J0001");
    var site = parsed.rows().get(0).site();
    assertThat(site.hub()).isTrue();
    assertThat(site.tenancies()).singleElement().satisfies(t -> {
      assertThat(t.tenantId()).isEqualTo("altel");
      assertThat(t.backupHours()).isEqualTo(4);
    });
    assertThat(site.relations().maintenanceContractorId()).isEqualTo("fixit");
    assertThat(parsed.errors()).hasSize(4);
    assertThat(parsed.errors().get(0)).startsWith("item 1: site_id 'J 2'");
    assertThat(parsed.errors().get(1)).startsWith("item 2:").contains("latitude");
    assertThat(parsed.errors().get(2)).startsWith("item 3:").contains("colour");
    assertThat(parsed.errors().get(3)).startsWith("item 4:").contains("'name'");
  }

  @Test
  void jsonThatIsNotAnArrayOfSitesSaysSo() {
    assertThat(SiteSheet.read("[{oops").errors()).singleElement().asString()
        .startsWith("not a JSON array of sites");
    assertThat(SiteSheet.parseJson("{\"site_id\": \"A\"}").errors()).singleElement()
        .asString().isEqualTo("not a JSON array of sites");
  }
}
