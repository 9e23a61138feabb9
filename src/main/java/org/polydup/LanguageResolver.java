package org.polydup;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.polydup.lang.LanguageIdentifier;

/**
 * The language of each document of a scan, decided on first use: the caller's hint when there is
 * one, else the identifier (script first, Lingua only where the script is shared). Identification
 * is the dearest per-document step, so documents that never appear in a match are never identified.
 * Thread-safe.
 */
final class LanguageResolver {
  private final List<Document> documents;
  private final LanguageIdentifier identifier;
  private final AtomicReferenceArray<String> languages;

  LanguageResolver(List<Document> documents, LanguageIdentifier identifier) {
    this.documents = documents;
    this.identifier = identifier;
    this.languages = new AtomicReferenceArray<>(documents.size());
  }

  String languageOf(int index) {
    String language = languages.get(index);
    if (language == null) {
      Document document = documents.get(index);
      language = identifier.identify(document.text(), document.languageHint()).language();
      languages.set(index, language);
    }
    return language;
  }

  /**
   * The language of {@code documents.get(index)} if a step has asked for it, else {@code null}: for
   * reports, which must not make a scan identify documents it had no use for.
   */
  String resolvedOrNull(int index) {
    return languages.get(index);
  }
}
