package org.polydup.align.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes of the prebuilt gazetteer ({@value Gazetteer#RESOURCE}): its seven maps of names, each
 * a count and its keys and codes, then the magnitudes and their multipliers, then the longest name
 * in words.
 *
 * <h2>Rationale</h2>
 *
 * Every map is written sorted by key, so equal gazetteers give equal bytes: a build reproduces the
 * resource byte for byte, and a test checks it against a fresh build from the ICU in use.
 */
final class GazetteerFile {
  private GazetteerFile() {}

  /** The maps of names in the resource, written first in {@link #write}'s order. */
  private static final int NAME_MAPS = 7;

  /** Reads a gazetteer {@link #write} wrote. */
  static Gazetteer read(InputStream resource) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(resource));
    List<Map<String, String>> names = new java.util.ArrayList<>();
    for (int i = 0; i < NAME_MAPS; i++) {
      names.add(Map.copyOf(readNames(in)));
    }
    int magnitudeCount = in.readInt();
    Map<String, Double> magnitudes = new HashMap<>();
    for (int i = 0; i < magnitudeCount; i++) {
      magnitudes.put(in.readUTF(), in.readDouble());
    }
    int longestName = in.readInt();
    return new Gazetteer(
        names.get(0),
        names.get(1),
        names.get(2),
        names.get(3),
        names.get(4),
        names.get(5),
        names.get(6),
        Map.copyOf(magnitudes),
        longestName);
  }

  private static Map<String, String> readNames(DataInputStream in) throws IOException {
    int count = in.readInt();
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < count; i++) {
      names.put(in.readUTF(), in.readUTF());
    }
    return names;
  }

  /** Writes the maps sorted by key, so equal gazetteers give equal bytes. */
  static void write(Gazetteer gazetteer, OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
    for (Map<String, String> names :
        List.of(
            gazetteer.capitalisedNames,
            gazetteer.pooledDates,
            gazetteer.stemmedNames,
            gazetteer.ownNames,
            gazetteer.dates,
            gazetteer.writtenNames,
            gazetteer.currencies)) {
      out.writeInt(names.size());
      for (Map.Entry<String, String> name : new TreeMap<>(names).entrySet()) {
        out.writeUTF(name.getKey());
        out.writeUTF(name.getValue());
      }
    }
    out.writeInt(gazetteer.magnitudes.size());
    for (Map.Entry<String, Double> magnitude : new TreeMap<>(gazetteer.magnitudes).entrySet()) {
      out.writeUTF(magnitude.getKey());
      out.writeDouble(magnitude.getValue());
    }
    out.writeInt(gazetteer.longestName);
    out.flush();
  }
}
