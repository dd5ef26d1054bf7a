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
}
