package org.polydup.align.pairwise;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import org.polydup.Relation;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.extract.LanguageTags;

/**
 * Each document's weighted key sequences, built on first use and shared by all its alignments (a
 * document is aligned with up to twice {@code candidatesPerDocument} others). Thread-safe: two
 * threads may build the same sequence at once, and both results are equal.
 *
 * <p>Internal to the align stage, not API: public only for the batch matcher in {@code
 * org.polydup.align}.
 */
public final class KeySequences {
  private final Aligner aligner;
  private final EntityProfile[] profiles;
  private final KeyStatistics statistics;
  private final AtomicReferenceArray<KeySequence> anchors;
  private final AtomicReferenceArray<KeySequence> words;
  private final AtomicReferenceArray<KeySequence> hanAnchors;

  /**
   * Whether each document's language writes Han ({@link Aligner#hanForms}), looked up once per
   * document rather than once per aligned pair.
   */
  private final boolean[] writesHan;

  /**
   * Sequences of {@code profiles}, none built yet.
   *
   * @param aligner the aligner that aligns them
   * @param profiles the batch's documents, by number
   * @param statistics the key weights
   */
  public KeySequences(Aligner aligner, EntityProfile[] profiles, KeyStatistics statistics) {
    this.aligner = aligner;
    this.profiles = profiles;
    this.statistics = statistics;
    this.writesHan = new boolean[profiles.length];
    for (int i = 0; i < profiles.length; i++) {
      writesHan[i] = LanguageTags.writesHan(profiles[i].language());
    }
    this.anchors = new AtomicReferenceArray<>(profiles.length);
    this.words = new AtomicReferenceArray<>(profiles.length);
    this.hanAnchors = new AtomicReferenceArray<>(profiles.length);
  }

  /**
   * {@link Aligner#align(KeySequence, KeySequence, KeyStatistics, Predicate)}: {@code null} for a
   * same-language pair that cannot end in a {@code wanted} relation, which the batch then leaves
   * out of its map like a pair that never was a candidate.
   *
   * @param low one document's number
   * @param high the other's
   * @param wanted the relations the caller keeps
   * @return the alignment, or {@code null}
   */
  public AlignmentResult align(int low, int high, Predicate<Relation> wanted) {
    boolean crossLanguage = Aligner.crossLanguage(profiles[low], profiles[high]);
    boolean hanForms = crossLanguage && writesHan[low] && writesHan[high];
    return aligner.align(
        sequence(low, crossLanguage, hanForms),
        sequence(high, crossLanguage, hanForms),
        statistics,
        wanted);
  }

  private KeySequence sequence(int document, boolean crossLanguage, boolean hanForms) {
    AtomicReferenceArray<KeySequence> cache =
        hanForms ? hanAnchors : crossLanguage ? anchors : words;
    KeySequence sequence = cache.get(document);
    if (sequence == null) {
      sequence = Aligner.sequence(profiles[document], crossLanguage, hanForms, statistics);
      cache.set(document, sequence);
    }
    return sequence;
  }
}
