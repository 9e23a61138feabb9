package org.polydup.align;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.extract.EntityProfile;
import org.polydup.internal.Mixing;

/**
 * One document's distinct anchor keys, and its word keys that are not anchor keys: what {@link
 * EntityIndex} posts a document under and what a query reads. The arrays are never written after
 * they are built, so one instance may be read by any thread.
 */
final class DocumentKeys {
  final String language;
  final long[] anchors;
  final long[] wordsOnly;
  final int anchorCount;
  final int wordCount;

  /**
   * A hash of the document's language and entity keys: candidates of equal score are ranked by it,
   * so which of them a limited list keeps depends on their content, not on the order the documents
   * were added in.
   */
  final long tieBreak;

  DocumentKeys(EntityProfile profile) {
    tieBreak = contentHash(profile);
    LongOpenHashSet anchorSet = anchorKeys(profile);
    LongOpenHashSet words = wordKeys(profile);
    language = profile.language();
    anchorCount = anchorSet.size();
    wordCount = words.size();
    words.removeAll(anchorSet);
    anchors = anchorSet.toLongArray();
    wordsOnly = words.toLongArray();
  }

  /** A hash of the profile's language and of its entities' keys and kinds, in text order. */
  private static long contentHash(EntityProfile profile) {
    long hash = Mixing.fmix64(profile.language().hashCode());
    for (int i = 0; i < profile.size(); i++) {
      hash = Mixing.fmix64(hash ^ profile.key(i));
      hash = Mixing.fmix64(hash ^ profile.wordKey(i) ^ profile.kind(i).ordinal());
    }
    return hash;
  }

  /**
   * The distinct anchor keys of a profile (matched across languages). {@link EntityKind#HAN_FORM}
   * keys are left out: they are rare (only Chinese and Japanese have them), so they would crowd the
   * rarest keys of a query with keys no other language can share; the Mandarin key of the same word
   * finds the Han-writing candidates.
   */
  static LongOpenHashSet anchorKeys(EntityProfile profile) {
    LongOpenHashSet anchors = new LongOpenHashSet();
    for (int i = 0; i < profile.size(); i++) {
      if (profile.kind(i) == EntityKind.HAN_FORM) {
        continue;
      }
      if (profile.kind(i).isAnchor() || profile.key(i) != 0) {
        anchors.add(profile.key(i));
      }
    }
    return anchors;
  }

  /** The distinct word-stem keys of a profile (matched within one language). */
  static LongOpenHashSet wordKeys(EntityProfile profile) {
    LongOpenHashSet words = new LongOpenHashSet();
    for (int i = 0; i < profile.size(); i++) {
      words.add(profile.wordKey(i));
    }
    return words;
  }
}
