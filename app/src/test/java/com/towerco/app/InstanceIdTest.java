package com.towerco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InstanceIdTest {
  @Test
  void uniquePerDataDirectoryAndStableAcrossRestarts() {
    String one = InstanceId.defaultFor(Path.of("data", "kpi-1"));
    String two = InstanceId.defaultFor(Path.of("data", "kpi-2"));
    assertThat(one).isNotEqualTo(two).isNotEqualTo("0").matches("[a-z0-9-]+-[0-9a-f]{6}");
    assertThat(InstanceId.defaultFor(Path.of("data", "kpi-1"))).isEqualTo(one);
    assertThat(InstanceId.defaultFor(Path.of("data", ".", "kpi-1"))).isEqualTo(one);
    assertThat(InstanceId.defaultFor(null)).endsWith("-p" + ProcessHandle.current().pid());
  }
}
