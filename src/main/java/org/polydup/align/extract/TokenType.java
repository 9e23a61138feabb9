package org.polydup.align.extract;

/**
 * What a {@link Token} is, from ICU's word break rule status, with Katakana and Hiragana words that
 * ICU's Japanese dictionary marks as ideographic moved to {@link #KANA}, and links found before the
 * segmentation ({@link LinkFinder}).
 */
enum TokenType {
  LETTERS,
  IDEOGRAPHS,
  KANA,
  NUMBER,
  LINK
}
