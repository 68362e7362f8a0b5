package org.partnershiptracker.command.web;

import java.util.UUID;
import java.util.function.Function;

/** Ids a client may leave out of a creating request: the service then makes one. */
public final class GeneratedIds {
  private GeneratedIds() {}

  public static <I> I orNew(I given, Function<String, I> idOf, String prefix) {
    return given != null ? given : idOf.apply(prefix + "-" + UUID.randomUUID());
  }
}
