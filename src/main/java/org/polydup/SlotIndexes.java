package org.polydup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polydup.index.LshIndex;
import org.polydup.index.PassageIndex;

/**
 * A {@link DefaultDetector}'s added documents by slot, with the candidate indexes and the align
 * stage that number them so, and the slot of each live id. Confined to one thread until the
 * detector publishes it; replaced whole by a {@link Compaction}.
 */
final class SlotIndexes implements IncrementalAlignment.Stored {
  /** By slot; {@code null} where the document was removed. */
  final List<StoredDocument> stored = new ArrayList<>();

  final Map<String, Integer> slotOf = new HashMap<>();
  final LshIndex lsh;
  final PassageIndex passages;

  /** The align stage of add and query, or {@code null} when cross-language matching is off. */
  final IncrementalAlignment alignment;

  /** Empty, for slots numbered from 0. */
  SlotIndexes(Configuration configuration) {
    lsh = LshIndex.create(configuration.lshParameters());
    passages =
        PassageIndex.create(
            configuration.passageWindow(), configuration.boilerplateDocumentFrequency());
    alignment =
        configuration.crossLanguage()
            ? new IncrementalAlignment(
                new AlignedPairChecks(configuration.verificationPolicy()),
                configuration.includeRelated())
            : null;
  }

  /** Gives a document the next slot and puts it into every index. */
  void add(StoredDocument document) {
    int slot = stored.size();
    stored.add(document);
    slotOf.put(document.id(), slot);
    lsh.add(slot, document.fingerprint().signature());
    passages.add(slot, document.fingerprint().shingles().positional());
    if (alignment != null) {
      alignment.add(slot, document.profile());
    }
  }

  /** Takes the live document of {@code slot} out of every index; its slot stays empty. */
  void remove(int slot) {
    slotOf.remove(stored.get(slot).id());
    lsh.remove(slot);
    passages.remove(slot);
    if (alignment != null) {
      alignment.remove(slot);
    }
    stored.set(slot, null);
  }

  /** Slots emptied by removes since these indexes were built. */
  int removedSlots() {
    return stored.size() - slotOf.size();
  }

  @Override
  public String idOf(int slot) {
    StoredDocument s = stored.get(slot);
    return s == null ? null : s.id();
  }

  @Override
  public Fingerprint fingerprintOf(int slot) {
    return stored.get(slot).fingerprint();
  }

  @Override
  public String languageOf(int slot) {
    return stored.get(slot).language();
  }
}
