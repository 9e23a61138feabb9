package org.polydup.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polydup.EntityLink;
import org.polydup.Match;
import org.polydup.ParagraphLink;
import org.polydup.Scores;
import org.polydup.StoryCluster;
import org.polydup.internal.Utf16;
import org.polydup.verify.SharedPassage;

/**
 * Turns results into the JSON objects of {@code pairs.jsonl} and {@code clusters.jsonl}. Field
 * names are part of the CLI's stable contract (see the README): add fields, never rename them.
 */
public final class JsonReport {
  /** Characters of each shared passage quoted in the evidence, so a person can check it. */
  private static final int SNIPPET_CHARACTERS = 160;

  private JsonReport() {}

  /**
   * One line of pairs.jsonl.
   *
   * @param textA the raw text of document a, to quote the evidence; may be null
   */
  public static Map<String, Object> pair(Match m, String textA) {
    return pair(m, textA, null);
  }

  /**
   * One line of pairs.jsonl.
   *
   * @param textA the raw text of document a, to quote the evidence; may be null
   * @param textB the raw text of document b, to quote its side of paired paragraphs; may be null
   */
  public static Map<String, Object> pair(Match m, String textA, String textB) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("a", m.a());
    o.put("b", m.b());
    o.put("relation", m.relation().label());
    if (m.container() != null) {
      o.put("container", m.container());
      o.put("contained", m.other(m.container()));
    }
    o.put("lang_a", m.languageA());
    o.put("lang_b", m.languageB());
    o.put("scores", scores(m.scores()));
    Map<String, Object> evidence = new LinkedHashMap<>();
    List<Object> passages = new ArrayList<>();
    for (SharedPassage p : m.passages()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("a", List.of(p.aStart(), p.aEnd()));
      e.put("b", List.of(p.bStart(), p.bEnd()));
      if (textA != null && p.aEnd() <= textA.length()) {
        e.put("text", snippet(textA, p.aStart(), p.aEnd()));
      }
      passages.add(e);
    }
    List<Object> entities = new ArrayList<>();
    for (EntityLink link : m.entities()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("kind", link.kind());
      e.put("a", List.of(link.aStart(), link.aEnd()));
      e.put("b", List.of(link.bStart(), link.bEnd()));
      e.put("text_a", link.surfaceA());
      e.put("text_b", link.surfaceB());
      entities.add(e);
    }
    List<Object> paragraphs = new ArrayList<>();
    for (ParagraphLink p : m.paragraphs()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("a", List.of(p.aStart(), p.aEnd()));
      e.put("b", List.of(p.bStart(), p.bEnd()));
      if (textA != null && p.aEnd() <= textA.length()) {
        e.put("text_a", snippet(textA, p.aStart(), p.aEnd()));
      }
      if (textB != null && p.bEnd() <= textB.length()) {
        e.put("text_b", snippet(textB, p.bStart(), p.bEnd()));
      }
      paragraphs.add(e);
    }
    if (!passages.isEmpty()) {
      evidence.put("passages", passages);
    }
    if (!entities.isEmpty()) {
      evidence.put("entities", entities);
    }
    if (!paragraphs.isEmpty()) {
      evidence.put("paragraphs", paragraphs);
    }
    o.put("evidence", evidence);
    return o;
  }

  /** One line of clusters.jsonl. */
  public static Map<String, Object> cluster(StoryCluster c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", c.id());
    o.put("representative", c.representative());
    o.put("size", c.members().size());
    o.put("members", c.members());
    return o;
  }

  /** The scores of a pair as pairs.jsonl names them, the finite ones only, in a fixed order. */
  static Map<String, Object> scores(Scores s) {
    Map<String, Object> o = new LinkedHashMap<>();
    if (s.estimatedJaccard() != null) {
      o.put("jaccard_estimate", s.estimatedJaccard().estimate());
      o.put("jaccard_lower", s.estimatedJaccard().lower());
      o.put("jaccard_upper", s.estimatedJaccard().upper());
    }
    putFinite(o, "jaccard", s.jaccard());
    putFinite(o, "containment_a_in_b", s.containmentAInB());
    putFinite(o, "containment_b_in_a", s.containmentBInA());
    putFinite(o, "coverage_a", s.coverageA());
    putFinite(o, "coverage_b", s.coverageB());
    putFinite(o, "alignment", s.alignment());
    putFinite(o, "alignment_coverage_a", s.alignmentCoverageA());
    putFinite(o, "alignment_coverage_b", s.alignmentCoverageB());
    putFinite(o, "alignment_density", s.alignmentDensity());
    return o;
  }

  private static void putFinite(Map<String, Object> o, String key, double value) {
    if (Double.isFinite(value)) {
      o.put(key, value);
    }
  }

  private static String snippet(String text, int start, int end) {
    // Never half of a surrogate pair: a lone surrogate is not valid UTF-8 in the output.
    String s =
        text.substring(start, Utf16.safeCut(text, Math.min(end, start + SNIPPET_CHARACTERS)));
    return end - start > SNIPPET_CHARACTERS ? s + "…" : s;
  }
}
