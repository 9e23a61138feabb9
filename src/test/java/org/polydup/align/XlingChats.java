package org.polydup.align;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real chats and forum threads of {@code testdata/xling-chats} (see its README): texts that
 * name almost nothing, whose translations the structure rules find.
 */
public final class XlingChats {
  private XlingChats() {}

  /**
   * The documents in file order, each document's cluster put in {@code cluster}; with {@code
   * reposts}, every non-English text once more under the id {@code ID#repost}.
   */
  public static List<CrossLanguageMatcher.Doc> load(boolean reposts, Map<String, String> cluster)
      throws IOException {
    List<CrossLanguageMatcher.Doc> docs = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Path.of("testdata/xling-chats/docs.jsonl"))) {
      JsonNode node = json.readTree(line);
      String id = node.get("id").asText();
      String language = node.get("lang").asText();
      String text = node.get("text").asText();
      docs.add(new CrossLanguageMatcher.Doc(id, text, language));
      cluster.put(id, node.get("cluster").asText());
      if (reposts && !language.equals("en")) {
        docs.add(new CrossLanguageMatcher.Doc(id + "#repost", text, language));
        cluster.put(id + "#repost", node.get("cluster").asText());
      }
    }
    return docs;
  }

  /** The gold translation pairs among {@code docs}: two documents of one cluster, two languages. */
  public static int translationPairs(
      List<CrossLanguageMatcher.Doc> docs, Map<String, String> cluster) {
    int gold = 0;
    for (CrossLanguageMatcher.Doc x : docs) {
      for (CrossLanguageMatcher.Doc y : docs) {
        if (x.id().compareTo(y.id()) < 0
            && cluster.get(x.id()).equals(cluster.get(y.id()))
            && !x.language().equals(y.language())) {
          gold++;
        }
      }
    }
    return gold;
  }
}
