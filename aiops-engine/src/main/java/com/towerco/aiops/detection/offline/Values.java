package com.towerco.aiops.detection.offline;

/** Reads a value field: a decimal number, or empty / NaN / null for a missing point. */
final class Values {
  private Values() {}

  static double parse(String text, long line) {
    if (text.isEmpty() || text.equalsIgnoreCase("nan") || text.equalsIgnoreCase("null")
        || text.equalsIgnoreCase("na")) {
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(text);
      if (Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new CsvDetection.InputException("line " + line + ": unreadable value '" + text
          + "' (expected a number, or empty/NaN for a missing point)");
    }
  }
}
