package org.polydup.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.polydup.internal.Utf16;

/**
 * Writes JSON Lines: one JSON object per line, UTF-8, with Jackson's streaming generator.
 *
 * <p>Values are written as follows; keys keep the map's iteration order (use a {@link
 * java.util.LinkedHashMap} for a stable order):
 *
 * <ul>
 *   <li>{@code null} → {@code null}; {@link CharSequence} and {@link Character} → string; {@link
 *       Boolean} → boolean;
 *   <li>{@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@link BigInteger} → integer;
 *       {@link BigDecimal} → number as given;
 *   <li>{@link Double} and {@link Float} → rounded half-up to at most {@value #DECIMALS} decimals
 *       ({@code 0.123456} → {@code 0.1235}, {@code 1.0} → {@code 1.0}); NaN and infinities, which
 *       JSON cannot represent, → {@code null};
 *   <li>{@link Enum} → its lower-case name ({@code Relation.CONTAINED} → {@code "contained"});
 *   <li>{@link Map} → object (keys by {@link String#valueOf}); {@link Iterable} and arrays
 *       (including primitive arrays) → array; {@link Optional} → its value or {@code null};
 *   <li>a {@link Record} → object with its components in declaration order.
 * </ul>
 *
 * <p>Non-ASCII text is written as UTF-8, not escaped. An unpaired surrogate in a string value
 * (possible in text decoded from {@code \}{@code uD800} escapes), which UTF-8 cannot encode, is
 * written as a {@code \}{@code uD800} escape, so the string reads back exactly (two ids that differ
 * only there stay two ids); in a key it is written as U+FFFD. The line and paragraph separators
 * U+2028 and U+2029 are written as {@code \}{@code u2028} and {@code \}{@code u2029} escapes: JSON
 * allows them raw, but Python's {@code str.splitlines()} and some JavaScript tools end a line
 * there, which would cut one JSON Lines record in two.
 *
 * <p>{@link #write} is synchronized, so several threads may share one writer; each line is
 * complete. Lines reach the stream when the internal buffer fills, on {@link #flush()} and on
 * {@link #close()}.
 */
public final class JsonlWriter implements Closeable, Flushable {
  /** Decimals kept for {@code double} and {@code float} values. */
  public static final int DECIMALS = 4;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  /**
   * Jackson's standard escapes plus U+2028 and U+2029, which JSON allows raw but which line
   * splitters other than {@code \n} (Python's {@code str.splitlines()}, some JavaScript tools) take
   * for line ends.
   */
  private static final class SeparatorEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final SeparatorEscapes INSTANCE = new SeparatorEscapes();
    private static final SerializableString LINE = new SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH = new SerializedString("\\u2029");
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == '\u2028' ? LINE : ch == '\u2029' ? PARAGRAPH : null;
    }
  }

  /** {@code quoted} with U+2028 and U+2029 escaped, as {@link SeparatorEscapes} does. */
  private static String escapeSeparators(CharSequence quoted) {
    return quoted.toString().replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  private final Writer out;
  private final boolean closeStream;
  private final JsonGenerator generator;
  private long lines;

  private JsonlWriter(OutputStream out, boolean closeStream) throws IOException {
    // A character-level generator: Jackson's UTF-8 generator writes characters outside the BMP
    // as escaped surrogate pairs ("\\uD83D\\uDE42"); this one leaves them to the UTF-8 encoder.
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.closeStream = closeStream;
    this.generator = JSON.createGenerator(this.out);
    this.generator.setRootValueSeparator(null);
    this.generator.setCharacterEscapes(SeparatorEscapes.INSTANCE);
  }

  /**
   * Creates (or truncates) a file and writes to it; a name ending in {@code .gz} is
   * gzip-compressed. Parent folders are created. {@link #close()} closes the file.
   *
   * @throws IOException if the file cannot be created
   */
  public static JsonlWriter open(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      stream = new GZIPOutputStream(stream, 1 << 16);
    }
    return new JsonlWriter(stream, true);
  }

  /**
   * Writes to a stream, for example {@code System.out}. {@link #close()} flushes but does not close
   * the stream.
   *
   * @throws IOException if the generator cannot be created
   */
  public static JsonlWriter to(OutputStream out) throws IOException {
    return new JsonlWriter(Objects.requireNonNull(out, "out"), false);
  }

  /**
   * Writes one object as one line.
   *
   * @param object keys in the order to write; values as described in the class comment
   * @throws IllegalArgumentException if a value has an unsupported type (naming the key and type)
   * @throws IOException if writing fails
   */
  public synchronized void write(Map<String, ?> object) throws IOException {
    Objects.requireNonNull(object, "object");
    writeValue(object, "(top level)");
    generator.writeRaw('\n');
    lines++;
  }

  /**
   * Writes one record as one line, its components in declaration order.
   *
   * @throws IllegalArgumentException if a component has an unsupported type
   * @throws IOException if writing fails
   */
  public synchronized void write(Record record) throws IOException {
    Objects.requireNonNull(record, "record");
    writeValue(record, "(top level)");
    generator.writeRaw('\n');
    lines++;
  }

  /** Lines written so far. */
  public synchronized long lines() {
    return lines;
  }

  /** Sends buffered lines to the stream and flushes it. */
  @Override
  public synchronized void flush() throws IOException {
    generator.flush();
  }

  /** Flushes, and closes the file if this writer opened it. */
  @Override
  public synchronized void close() throws IOException {
    generator.close();
    if (closeStream) {
      out.close();
    } else {
      out.flush();
    }
  }

  /** Rounds half-up to {@value #DECIMALS} decimals; NaN and infinities stay as they are. */
  static double round(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    double rounded =
        BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    return rounded == 0.0 ? 0.0 : rounded; // no "-0.0"
  }

  private void writeValue(Object value, Object key) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof CharSequence || value instanceof Character) {
      writeString(value.toString());
    } else if (value instanceof Boolean) {
      generator.writeBoolean((Boolean) value);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long) {
      generator.writeNumber((Long) value);
    } else if (value instanceof Double || value instanceof Float) {
      double number = round(((Number) value).doubleValue());
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        generator.writeNull();
      } else {
        generator.writeNumber(number);
      }
    } else if (value instanceof BigInteger) {
      generator.writeNumber((BigInteger) value);
    } else if (value instanceof BigDecimal) {
      generator.writeNumber((BigDecimal) value);
    } else if (value instanceof Enum) {
      generator.writeString(((Enum<?>) value).name().toLowerCase(Locale.ROOT));
    } else if (value instanceof Map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        String name = Utf16.wellFormed(String.valueOf(entry.getKey()));
        generator.writeFieldName(name);
        writeValue(entry.getValue(), name);
      }
      generator.writeEndObject();
    } else if (value instanceof Iterable) {
      generator.writeStartArray();
      int index = 0;
      for (Object element : (Iterable<?>) value) {
        writeValue(element, index++);
      }
      generator.writeEndArray();
    } else if (value.getClass().isArray()) {
      generator.writeStartArray();
      int length = Array.getLength(value);
      for (int index = 0; index < length; index++) {
        writeValue(Array.get(value, index), index);
      }
      generator.writeEndArray();
    } else if (value instanceof Optional) {
      writeValue(((Optional<?>) value).orElse(null), key);
    } else if (value instanceof Record) {
      generator.writeStartObject();
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        Object componentValue;
        try {
          componentValue = component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException(
              "cannot read record component " + component.getName(), e);
        }
        generator.writeFieldName(component.getName());
        writeValue(componentValue, component.getName());
      }
      generator.writeEndObject();
    } else {
      throw new IllegalArgumentException(
          "cannot write a "
              + value.getClass().getName()
              + " as JSON (at key or index "
              + key
              + ")");
    }
  }

  /**
   * Writes a string value; one with an unpaired surrogate (which Jackson refuses to encode) is
   * quoted here, the surrogate as a JSON escape, the rest as Jackson quotes it.
   */
  private void writeString(String text) throws IOException {
    if (Utf16.isWellFormed(text)) {
      generator.writeString(text);
      return;
    }
    JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    StringBuilder quoted = new StringBuilder(text.length() + 8).append('"');
    int from = 0;
    for (int unpaired = Utf16.nextUnpaired(text, 0);
        unpaired >= 0;
        unpaired = Utf16.nextUnpaired(text, from)) {
      quoted.append(
          escapeSeparators(new String(encoder.quoteAsString(text.substring(from, unpaired)))));
      quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) text.charAt(unpaired)));
      from = unpaired + 1;
    }
    quoted.append(escapeSeparators(new String(encoder.quoteAsString(text.substring(from)))));
    quoted.append('"');
    generator.writeRawValue(quoted.toString());
  }
}
