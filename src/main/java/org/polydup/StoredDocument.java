package org.polydup;

import org.polydup.align.IncrementalMatcher;

/**
 * A document added to a {@link DefaultDetector}: what the same-language stages need, and its
 * entities and structure (null without cross-language matching), kept for {@link
 * DefaultDetector#save}.
 */
record StoredDocument(
    String id, Fingerprint fingerprint, String language, IncrementalMatcher.Profile profile) {

  /** What the detector keeps of an analysed document. */
  static StoredDocument of(AnalysedDocument analysed) {
    return new StoredDocument(
        analysed.document().id(), analysed.fingerprint(), analysed.language(), analysed.profile());
  }

  /** Its entry in a saved index ({@link ArchiveFile}); the rest is computed again on load. */
  ArchiveFile.Entry entry() {
    return new ArchiveFile.Entry(
        id, language, fingerprint.shingles().text(), profile == null ? null : profile.entities());
  }
}
