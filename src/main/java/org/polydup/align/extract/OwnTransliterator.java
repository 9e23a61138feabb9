package org.polydup.align.extract;

import com.ibm.icu.text.Replaceable;
import com.ibm.icu.text.Transliterator;

/**
 * A copy of an ICU transform with rule data of its own, for one thread. Not thread-safe.
 *
 * <h2>Rationale</h2>
 *
 * {@link Transliterator#getInstance} gives a new object per call, but every instance of a
 * rule-based transform shares the rules ICU compiled once for the JVM, and each call locks them
 * ({@code RuleBasedTransliterator.handleTransliterate} synchronizes on that data). Two threads that
 * romanise words in the same script therefore take turns, and on a busy machine a thread waits for
 * the holder's whole time slice: on the first 20,000 bulk documents (two threads, JFR) the align
 * stage spent 2.7 s blocked on transliterator locks. A copy compiles each rule-based part again
 * from its own rules ({@link Transliterator#toRules} with unprintable characters escaped, which
 * reparses to the same rules) and keeps the rest of the transform's structure: each compound
 * becomes a chain that runs its parts in order over the text its filter lets through, as ICU's
 * compound does. Parts that are not rule-based (normalisers, {@code Any-Latin}) are used as they
 * are: they take no lock of their own.
 *
 * <p>Compiling costs about 50 ms for the kana or Devanagari transforms, once per thread; Han-Latin
 * takes about a second, so its callers, which memoise readings by character, keep the shared
 * instance. {@code OwnTransliteratorTest} checks the copies against the shared transforms on real
 * text.
 */
final class OwnTransliterator extends Transliterator {
  /** ICU's rule-based transform; its class is deprecated API, so it is recognised by name. */
  private static final String RULE_BASED = "com.ibm.icu.text.RuleBasedTransliterator";

  private final Transliterator[] parts;

  private OwnTransliterator(Transliterator compound, Transliterator[] parts) {
    super(compound.getID(), compound.getFilter());
    this.parts = parts;
    int context = 0;
    for (Transliterator part : parts) {
      context = Math.max(context, part.getMaximumContextLength());
    }
    setMaximumContextLength(context);
  }

  /**
   * A copy of {@code shared} that shares no rule data with other instances, or {@code shared}
   * itself when no part of it is rule-based.
   */
  static Transliterator copyOf(Transliterator shared) {
    Transliterator[] parts = shared.getElements();
    if (parts.length == 1 && parts[0] == shared) {
      if (!shared.getClass().getName().equals(RULE_BASED)) {
        return shared;
      }
      Transliterator copy =
          Transliterator.createFromRules(shared.getID(), shared.toRules(true), FORWARD);
      copy.setFilter(shared.getFilter());
      return copy;
    }
    Transliterator[] copies = new Transliterator[parts.length];
    for (int i = 0; i < parts.length; i++) {
      copies[i] = copyOf(parts[i]);
    }
    return new OwnTransliterator(shared, copies);
  }

  /** What ICU's {@code CompoundTransliterator} does: each part over the same span, in order. */
  @Override
  protected void handleTransliterate(Replaceable text, Position index, boolean incremental) {
    int start = index.start;
    int limit = index.limit;
    int delta = 0;
    for (Transliterator part : parts) {
      index.start = start;
      int partLimit = index.limit;
      if (index.start == index.limit) {
        break;
      }
      part.filteredTransliterate(text, index, incremental);
      if (!incremental) {
        index.start = index.limit;
      }
      delta += index.limit - partLimit;
      if (incremental) {
        index.limit = index.start;
      }
    }
    index.limit = limit + delta;
  }
}
