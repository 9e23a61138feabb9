/**
 * Entity extraction, the align stage's first step: turns a raw text and its language into an {@link
 * org.polydup.align.extract.EntityProfile}, the ordered entities (names, numbers, dates, codes,
 * links, cognate word keys) with language-independent keys, which every later step of {@code
 * org.polydup.align} works on. Entry point: {@link org.polydup.align.extract.EntityExtractor} (one
 * per thread). Behind it: tokenising and word stems ({@code Tokenizer}, {@code Vocabulary}, {@code
 * WordStemmer}), keys by romanisation and consonant skeleton ({@code KeyEncoder}), the CLDR
 * gazetteer of countries, cities, languages, months and currencies ({@code Gazetteer}, prebuilt at
 * build time into the resource {@code org/polydup/align/extract/gazetteer.bin}), number reading
 * ({@code Numbers}), and Japanese readings ({@link org.polydup.align.extract.ja}). Everything here
 * is package-private except the profile and its entities, the extractor, and {@link
 * org.polydup.align.extract.LanguageTags}, which the aligner consults.
 */
package org.polydup.align.extract;
