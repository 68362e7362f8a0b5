package org.partnershiptracker.query.readmodel;

/**
 * Field names of the yearly index documents: {@code <meeting key>#<month>}. Organisation ids may
 * hold '.', which MongoDB reads as a path, so it is written as '~' (which no id can hold).
 */
final class IndexFields {
  private IndexFields() {}

  record Parsed(String key, int month) {}

  static String field(String key, int monthOfYear) {
    return key.replace('.', '~') + "#" + monthOfYear;
  }

  /** The key and month of a field, or null for a field that is not an index entry ({@code _id}). */
  static Parsed parse(String field) {
    int hash = field.lastIndexOf('#');
    if (hash < 0) {
      return null;
    }
    return new Parsed(
        field.substring(0, hash).replace('~', '.'), Integer.parseInt(field.substring(hash + 1)));
  }
}
