package org.polydup;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where a {@link DefaultDetector} also writes its adds and removes, for a {@link
 * PersistentDetector}: nowhere for an index that lives in memory only, its {@link ArchiveIndex}
 * once attached, and after a detach nowhere for good, every write refused since it could no longer
 * be kept. Not thread-safe: the detector calls it under its write lock.
 */
final class ArchiveWrites {
  /**
   * Where adds and removes are also written; {@code null} for an index that lives in memory only,
   * or once detached.
   */
  private ArchiveIndex archive;

  /** Why the archive was detached ({@link #detach}), or null. */
  private String detached;

  /** From now on, writes every add and remove to {@code archive} too. */
  void attach(ArchiveIndex archive) {
    this.archive = archive;
  }

  /** Stops writing to the archive, for good: every later write throws with {@code why}. */
  void detach(String why) {
    this.archive = null;
    this.detached = why;
  }

  /**
   * Refuses a write once the archive was detached: the index would no longer match what is kept.
   *
   * @throws IllegalStateException with why it was detached
   */
  void requireAttachedIfEver() {
    if (detached != null) {
      throw new IllegalStateException(detached);
    }
  }

  /**
   * Refuses, before anything is written, an id the attached archive could not store.
   *
   * @throws IllegalArgumentException when an archive is attached and the id is too long for it
   */
  void requireStorable(String id) {
    if (archive != null && id.length() > ArchiveIndex.MAXIMUM_ID_LENGTH) {
      throw new IllegalArgumentException(
          "document id of "
              + id.length()
              + " characters; the archive stores ids of at most "
              + ArchiveIndex.MAXIMUM_ID_LENGTH);
    }
  }

  /**
   * Stores an analysed document in the archive, if one is attached.
   *
   * @throws UncheckedIOException when the archive cannot store it
   */
  void add(AnalysedDocument analysed) {
    if (archive != null) {
      try {
        archive.add(
            new ArchiveFile.Entry(
                analysed.document().id(),
                analysed.language(),
                analysed.document().text(),
                analysed.profile() == null ? null : analysed.profile().entities()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot store " + analysed.document().id(), e);
      }
    }
  }

  /**
   * Removes a document from the archive, if one is attached.
   *
   * @throws UncheckedIOException when the archive cannot remove it
   */
  void remove(String id) {
    if (archive != null) {
      try {
        archive.remove(id);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + id + " from the archive", e);
      }
    }
  }
}
