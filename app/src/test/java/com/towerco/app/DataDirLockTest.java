package com.towerco.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
  @TempDir
  Path dataDir;

  @Test
  void aSecondProcessOnTheSameDataDirectoryIsRefusedUntilTheFirstLetsGo() {
    DataDirLock first = DataDirLock.acquire(dataDir);
    assertThatThrownBy(() -> DataDirLock.acquire(dataDir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in use by another towerco process");
    first.close();
    DataDirLock.acquire(dataDir).close();
  }
}
