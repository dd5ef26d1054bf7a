package com.towerco.aiops.detection.evaluation;

/**
 * The cold-start view of a corpus scored after a training half (SMD, ASD): each series fed only
 * its last {@code warmUpRows} rows before scoring ({@link Corpus#warmedUpWith}), and, when
 * {@code pieceRows} is above 0, its scored part cut into young series of that many rows, each
 * with the same short warm-up ({@link Corpus#inPieces}), so that a detector's first rows are a
 * large share of what is scored. A corpus scored from its first row is unchanged by the first
 * and still cut by the second.
 */
public record ColdStart(int warmUpRows, int pieceRows) {

  public ColdStart {
    if (warmUpRows < 0 || pieceRows < 0) {
      throw new IllegalArgumentException("warm-up and piece rows must be >= 0");
    }
  }

  public Corpus apply(Corpus corpus) {
    return pieceRows > 0 ? corpus.inPieces(pieceRows, warmUpRows)
        : corpus.warmedUpWith(warmUpRows);
  }

  public String describe() {
    return pieceRows > 0
        ? String.format("(cold start: scored rows in young series of %d rows, each fed at most "
            + "%d rows before it)", pieceRows, warmUpRows)
        : String.format("(cold start: at most %d warm-up rows fed before scoring)", warmUpRows);
  }
}
