package org.polydup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.polydup.align.CrossLanguageMatcher;
import org.polydup.align.XlingChats;
import org.polydup.eval.SyndicationEvaluation;

/** Real documents kept in testdata, for the detector's tests. */
final class RealDocuments {
  private RealDocuments() {}

  /**
   * The syndication subset (stories, their copies, translations) and the xling chats, in that
   * order.
   */
  static List<Document> syndicationAndChats() throws IOException {
    List<Document> documents =
        new ArrayList<>(SyndicationEvaluation.load(Path.of("testdata/syndication")).documents());
    for (CrossLanguageMatcher.Doc doc : XlingChats.load(false, new HashMap<>())) {
      documents.add(new Document(doc.id(), doc.text(), doc.language()));
    }
    return documents;
  }
}
