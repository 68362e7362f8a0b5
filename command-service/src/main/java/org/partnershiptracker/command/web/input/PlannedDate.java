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
import java.time.LocalDate;

/**
 * A day something is planned for: from {@code tracker.input.earliest-date} (1990-01-01) to {@code
 * tracker.input.latest-planned-date} (2100-12-31).
 */
@Documented
@Constraint(validatedBy = PlannedDate.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlannedDate {
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<PlannedDate, LocalDate> {
    private final InputProperties input;

    public Check(InputProperties input) {
      this.input = input;
    }

    @Override
    public boolean isValid(LocalDate day, ConstraintValidatorContext context) {
      return day == null
          || InputMessages.within(
              day, input.earliestDate(), input.latestPlannedDate(), "a planned date", context);
    }
  }
}
