package org.polydup;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Comparator;
import java.util.List;

/** Input positions of a scan's documents, to order results the way the input was ordered. */
final class InputOrder {
  private final Object2IntOpenHashMap<String> positions;

  InputOrder(List<Document> documents) {
    positions = new Object2IntOpenHashMap<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      positions.put(documents.get(i).id(), i);
    }
  }

  Comparator<Match> matchOrder() {
    return Comparator.<Match>comparingInt(m -> positions.getInt(m.a()))
        .thenComparingInt(m -> positions.getInt(m.b()));
  }
}
