package org.partnershiptracker.query.partnership.model;

import java.util.List;
import org.partnershiptracker.events.PartnershipEvent;

/**
 * An event with the reference a score's evidence gives for it: the read side keeps the two
 * together, so a formula that counts an event can name it.
 */
public record Traced<E extends PartnershipEvent>(E event, EventRef ref) {

  /** A recorded event of the fold, traced. */
  public static Traced<PartnershipEvent> of(RecordedEvent recorded) {
    return of(recorded.eventId(), recorded.recordedByOrganisation(), recorded.event());
  }

  public static <E extends PartnershipEvent> Traced<E> of(
      String eventId, String recordedByOrganisation, E event) {
    return new Traced<>(event, EventRef.of(eventId, recordedByOrganisation, event));
  }

  /** The events alone. */
  public static <E extends PartnershipEvent> List<E> events(List<Traced<E>> traced) {
    return traced.stream().map(Traced::event).toList();
  }

  /** Their references alone. */
  public static List<EventRef> refs(List<? extends Traced<?>> traced) {
    return traced.stream().<EventRef>map(Traced::ref).toList();
  }
}
