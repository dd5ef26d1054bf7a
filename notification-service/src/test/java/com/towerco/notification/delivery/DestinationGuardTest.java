package com.towerco.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationGuardTest {
  @Test
  void tellsPublicAddressesFromInternalOnes() throws Exception {
    for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1",
        "169.254.169.254", "100.64.1.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd12::1",
        "64:ff9b::a00:1", "2002:a00:1::1", "::ffff:10.0.0.1")) {
      assertThat(AddressRange.isPublic(InetAddress.getByName(internal))).as(internal).isFalse();
    }
    for (String external : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700::1111")) {
      assertThat(AddressRange.isPublic(InetAddress.getByName(external))).as(external).isTrue();
    }
  }

  @Test
  void refusesANameWhenAnyOfItsAddressesIsInternalUnlessTheOperatorAllowsIt() throws Exception {
    DestinationGuard.Lookup mixed = host -> new InetAddress[] {
        InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.1.1.1")};

    assertThatThrownBy(() -> new DestinationGuard(List.of(), mixed).resolve("mixed.example"))
        .isInstanceOf(DestinationGuard.Refused.class);
    assertThat(new DestinationGuard(List.of("10.1.0.0/16"), mixed).resolve("mixed.example"))
        .hasSize(2);
    assertThat(new DestinationGuard(List.of("*.example"), mixed).resolve("mixed.example"))
        .hasSize(2);
  }

  @Test
  void refusesAnAllowEntryThatIsNeitherABlockNorAHost() {
    assertThatThrownBy(() -> DestinationGuard.system(List.of("10.0.0.0/33")))
        .hasMessageContaining("outbound.allow: '10.0.0.0/33'");
    assertThatThrownBy(() -> DestinationGuard.system(List.of("http://x/")))
        .hasMessageContaining("outbound.allow");
  }
}
