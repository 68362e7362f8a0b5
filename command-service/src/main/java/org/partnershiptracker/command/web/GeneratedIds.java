package org.partnershiptracker.command.web;

import java.util.UUID;

/** Ids a client may leave out of a creating request: the service then makes one. */
public final class GeneratedIds {
  private GeneratedIds() {}

  public static String orNew(String given, String prefix) {
    return given != null ? given : prefix + "-" + UUID.randomUUID();
  }
}
