package org.polydup;

/**
 * What a scan cost and how much work each stage did.
 *
 * @param characters characters of text scanned
 * @param shingleCandidatePairs distinct pairs proposed by the MinHash and passage indexes
 * @param crossLanguageCandidatePairs pairs proposed by the entity index
 * @param indexBytes heap held by the MinHash LSH index and the signatures, in bytes
 * @param passageIndexBytes heap held by the passage (winnowing) index, in bytes
 * @param verificationBytes heap held by the shingle sequences kept for verification, in bytes
 * @param stageSeconds wall-clock seconds per stage, in pipeline order
 */
public record ScanStatistics(
    long characters,
    long shingleCandidatePairs,
    long crossLanguageCandidatePairs,
    long indexBytes,
    long passageIndexBytes,
    long verificationBytes,
    java.util.Map<String, Double> stageSeconds) {

  /** Copies the stage timings. */
  public ScanStatistics {
    stageSeconds =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageSeconds));
  }
}
