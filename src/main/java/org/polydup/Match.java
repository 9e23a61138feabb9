package org.polydup;

import java.util.List;
import org.polydup.verify.SharedPassage;

/**
 * A flagged pair: two documents, how they are related, and the evidence a person can check.
 * Immutable.
 *
 * @param a id of the first document (the earlier one in a scan's input order)
 * @param b id of the second document
 * @param relation how they are related
 * @param container for {@link Relation#CONTAINED}: the id of the document that contains the other
 *     (equal to {@code a} or {@code b}); {@code null} for every other relation
 * @param languageA language of a (ISO 639-1, or {@code und-<Script>} when unknown)
 * @param languageB language of b
 * @param scores the measured similarity
 * @param passages shared passages with character offsets in both texts (same-language evidence)
 * @param entities aligned entity pairs with character offsets (cross-language evidence)
 * @param paragraphs paragraphs paired by their structure, with character offsets: the evidence of a
 *     translation found by its paragraph structure alone, where {@code entities} is empty; empty
 *     for every other match
 */
public record Match(
    String a,
    String b,
    Relation relation,
    String container,
    String languageA,
    String languageB,
    Scores scores,
    List<SharedPassage> passages,
    List<EntityLink> entities,
    List<ParagraphLink> paragraphs) {

  /**
   * Copies the evidence lists (an {@link EntityLinkList}, which the align stage builds, is
   * immutable already) and checks the container.
   */
  public Match {
    passages = List.copyOf(passages);
    entities = entities instanceof EntityLinkList ? entities : List.copyOf(entities);
    paragraphs = List.copyOf(paragraphs);
    if (relation == Relation.CONTAINED && !a.equals(container) && !b.equals(container)) {
      throw new IllegalArgumentException(
          "container must be a or b for a contained match, got " + container);
    }
    if (relation != Relation.CONTAINED && container != null) {
      throw new IllegalArgumentException("container is only for contained matches");
    }
  }

  /** A match with no paragraph evidence: every match but a translation found by structure. */
  public Match(
      String a,
      String b,
      Relation relation,
      String container,
      String languageA,
      String languageB,
      Scores scores,
      List<SharedPassage> passages,
      List<EntityLink> entities) {
    this(a, b, relation, container, languageA, languageB, scores, passages, entities, List.of());
  }

  /** The id of the document that is not {@code id}; throws if {@code id} is neither. */
  public String other(String id) {
    if (a.equals(id)) {
      return b;
    }
    if (b.equals(id)) {
      return a;
    }
    throw new IllegalArgumentException("document " + id + " is not in this match");
  }
}
