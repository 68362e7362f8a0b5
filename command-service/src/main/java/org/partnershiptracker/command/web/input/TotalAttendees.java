package org.partnershiptracker.command.web.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.partnershiptracker.events.value.Limits;

/** The people at one meeting, all groups together: at most {@link Limits#ATTENDEES_PER_MEETING}. */
@Documented
@Constraint(validatedBy = TotalAttendees.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface TotalAttendees {
  String message() default "at most " + Limits.ATTENDEES_PER_MEETING + " people attend a meeting";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** A group of attendees counted together. */
  interface Counted {
    int count();
  }

  class Check implements ConstraintValidator<TotalAttendees, List<? extends Counted>> {
    @Override
    public boolean isValid(List<? extends Counted> groups, ConstraintValidatorContext context) {
      if (groups == null) {
        return true;
      }
      long total = 0;
      for (Counted group : groups) {
        total += group == null ? 0 : Math.max(0, group.count());
      }
      return total <= Limits.ATTENDEES_PER_MEETING;
    }
  }
}
