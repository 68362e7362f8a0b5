package org.partnershiptracker.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Finds, once per event type, the accessor of its {@link OccurredOn} component. */
final class OccurredOnComponents {
  private static final ClassValue<MethodHandle> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
          List<RecordComponent> marked =
              type.isRecord()
                  ? Arrays.stream(type.getRecordComponents())
                      .filter(c -> c.isAnnotationPresent(OccurredOn.class))
                      .filter(c -> c.getType() == LocalDate.class)
                      .toList()
                  : List.of();
          if (marked.size() != 1) {
            throw new IllegalStateException(
                type.getName() + " must mark exactly one LocalDate component @OccurredOn");
          }
          try {
            return MethodHandles.publicLookup().unreflect(marked.get(0).getAccessor());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + " must be a public record", e);
          }
        }
      };

  private OccurredOnComponents() {}

  static LocalDate of(PartnershipEvent event) {
    try {
      return (LocalDate) ACCESSORS.get(event.getClass()).invoke(event);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read the date of " + event, e);
    }
  }
}
