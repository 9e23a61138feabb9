package org.polydup.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.CharArrayWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
 *   <li>{@link Path} → string, its {@link Path#toString()} (a path is also an {@link Iterable} of
 *       its names, each again a path: as an array it would nest without end);
 *   <li>{@link Map} → object (keys by {@link String#valueOf}); {@link Iterable} and arrays
 *       (including primitive arrays) → array; {@link Optional} → its value or {@code null};
 *   <li>a {@link Record} → object with its components in declaration order (a record that is not
 *       public is read too, unless its module does not open it to this one).
 * </ul>
 *
 * <p>Any other type, objects nested more than {@value #MAX_DEPTH} deep (a map or list that contains
 * itself, for instance), and a record component that cannot be read make {@link #write} throw
 * {@link IllegalArgumentException} naming the key or index where it happened. A failed write writes
 * nothing: each line is built in a buffer and reaches the stream only when it is whole, so the
 * lines before are intact and the next write starts a line of its own.
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

  /**
   * The deepest nesting of maps, iterables, arrays and records written; below Jackson's own limit
   * (1,000), so a value that contains itself fails here, with the key named.
   */
  public static final int MAX_DEPTH = 100;

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

  /**
   * The line being written. The generator writes into it, not into {@link #out}, so that a value
   * that fails halfway (an unsupported type, a nesting too deep) can be dropped with the line:
   * written straight to the stream, its first half stayed in the file and the next line was
   * appended to it, corrupting every line after the failure.
   */
  private final CharArrayWriter line = new CharArrayWriter(1024);

  private JsonGenerator generator;
  private long lines;

  /**
   * The keys and indexes from the top level down to the value being written ({@code path[d]} for
   * depth {@code d}, entry 0 unused), and that value's depth: named when writing it fails.
   */
  private final Object[] path = new Object[MAX_DEPTH + 2];

  private int depth;

  private JsonlWriter(OutputStream out, boolean closeStream) throws IOException {
    // A character-level generator: Jackson's UTF-8 generator writes characters outside the BMP
    // as escaped surrogate pairs ("\\uD83D\\uDE42"); this one leaves them to the UTF-8 encoder.
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.closeStream = closeStream;
    this.generator = newGenerator(line);
  }

  private static JsonGenerator newGenerator(Writer target) throws IOException {
    JsonGenerator generator = JSON.createGenerator(target);
    generator.setRootValueSeparator(null);
    generator.setCharacterEscapes(SeparatorEscapes.INSTANCE);
    return generator;
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
   * Writes one object as one line; if it throws, nothing of the object is written.
   *
   * @param object keys in the order to write; values as described in the class comment
   * @throws IllegalArgumentException if a value has an unsupported type, is nested more than
   *     {@value #MAX_DEPTH} deep or is a record component that cannot be read (naming the key)
   * @throws IOException if writing to the stream fails
   */
  public synchronized void write(Map<String, ?> object) throws IOException {
    Objects.requireNonNull(object, "object");
    writeLine(object);
  }

  /**
   * Writes one record as one line, its components in declaration order; if it throws, nothing of
   * the record is written.
   *
   * @throws IllegalArgumentException if a component has an unsupported type, is nested more than
   *     {@value #MAX_DEPTH} deep or cannot be read (naming the key)
   * @throws IOException if writing to the stream fails
   */
  public synchronized void write(Record record) throws IOException {
    Objects.requireNonNull(record, "record");
    writeLine(record);
  }

  /** Builds the line in {@link #line}, then hands it to the stream whole. */
  private void writeLine(Object object) throws IOException {
    boolean built = false;
    try {
      writeValue(object, null, 0);
      generator.writeRaw('\n');
      generator.flush(); // into the line buffer; the stream sees nothing yet
      built = true;
    } catch (JsonProcessingException e) {
      // Jackson refusing what the checks above let through: the same contract as theirs.
      throw unwritable("cannot write the value as JSON: " + e.getOriginalMessage(), e);
    } finally {
      if (!built) {
        discardLine();
      }
    }
    line.writeTo(out);
    line.reset();
    lines++;
  }

  /**
   * Drops the partial line. The generator is replaced, not reused: it still holds the half-open
   * objects of the failed value and would close them into the next line.
   */
  private void discardLine() throws IOException {
    try {
      generator.close();
    } catch (IOException | RuntimeException e) {
      // Closing only releases the generator's buffers; what it writes is dropped just below.
    }
    line.reset();
    generator = newGenerator(line);
  }

  private IllegalArgumentException unwritable(String what, Throwable cause) {
    return new IllegalArgumentException(what + " (at " + describePath() + ")", cause);
  }

  /**
   * The path to the value being written, {@code scores.when} or {@code passages[2].text}; its
   * middle elided past a dozen levels (a value that contains itself reaches {@value #MAX_DEPTH}).
   */
  private String describePath() {
    if (depth == 0) {
      return "the top level";
    }
    StringBuilder text = new StringBuilder("key ");
    for (int level = 1; level <= depth; level++) {
      if (depth > 12 && level > 6 && level <= depth - 4) {
        text.append(level == 7 ? "…" : "");
        continue;
      }
      Object key = path[level];
      if (key instanceof Integer) {
        text.append('[').append(key).append(']');
      } else {
        text.append(level > 1 ? "." : "").append(key);
      }
    }
    return text.toString();
  }

  /** Lines written so far. */
  public synchronized long lines() {
    return lines;
  }

  /** Sends buffered lines to the stream and flushes it. */
  @Override
  public synchronized void flush() throws IOException {
    out.flush(); // whole lines only: the generator's buffer is emptied at the end of each write
  }

  /** Flushes, and closes the file if this writer opened it. */
  @Override
  public synchronized void close() throws IOException {
    generator.close(); // releases its buffers; it holds nothing unwritten between lines
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

  private void writeValue(Object value, Object key, int depth) throws IOException {
    path[depth] = key;
    this.depth = depth;
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
    } else if (value instanceof Path) {
      writeString(value.toString());
    } else if (depth >= MAX_DEPTH
        && (value instanceof Map
            || value instanceof Iterable
            || value.getClass().isArray()
            || value instanceof Record)) {
      throw unwritable("cannot write objects nested more than " + MAX_DEPTH + " deep", null);
    } else if (value instanceof Map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        String name = Utf16.wellFormed(String.valueOf(entry.getKey()));
        generator.writeFieldName(name);
        writeValue(entry.getValue(), name, depth + 1);
      }
      generator.writeEndObject();
    } else if (value instanceof Iterable) {
      generator.writeStartArray();
      int index = 0;
      for (Object element : (Iterable<?>) value) {
        writeValue(element, index++, depth + 1);
      }
      generator.writeEndArray();
    } else if (value.getClass().isArray()) {
      generator.writeStartArray();
      int length = Array.getLength(value);
      for (int index = 0; index < length; index++) {
        writeValue(Array.get(value, index), index, depth + 1);
      }
      generator.writeEndArray();
    } else if (value instanceof Optional) {
      writeValue(((Optional<?>) value).orElse(null), key, depth);
    } else if (value instanceof Record) {
      generator.writeStartObject();
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        path[depth + 1] = component.getName();
        this.depth = depth + 1;
        Object componentValue = readComponent((Record) value, component);
        generator.writeFieldName(component.getName());
        writeValue(componentValue, component.getName(), depth + 1);
      }
      generator.writeEndObject();
    } else {
      throw unwritable("cannot write a " + value.getClass().getName() + " as JSON", null);
    }
  }

  /**
   * The value of one record component. The accessor of a record that is not public (a nested {@code
   * record Row(...)} in the caller's class, say) cannot be invoked from this package without {@link
   * Method#trySetAccessible()}, which works unless a module keeps it closed.
   */
  private Object readComponent(Record record, RecordComponent component) {
    Method accessor = component.getAccessor();
    try {
      if (!accessor.canAccess(record) && !accessor.trySetAccessible()) {
        throw unwritable(
            "cannot read record component "
                + component.getName()
                + " of "
                + record.getClass().getName()
                + ": its module does not open it to polydup",
            null);
      }
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      throw unwritable(
          "cannot read record component "
              + component.getName()
              + " of "
              + record.getClass().getName()
              + ": "
              + cause,
          cause);
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
