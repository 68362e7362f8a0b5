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
import java.time.Clock;
import java.time.LocalDate;

/**
 * The day something happened: not before {@code tracker.input.earliest-date} (1990-01-01), not
 * after today plus {@code tracker.input.days-ahead} (1).
 */
@Documented
@Constraint(validatedBy = FactDate.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FactDate {
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<FactDate, LocalDate> {
    private final InputProperties input;
    private final Clock clock;

    public Check(InputProperties input, Clock clock) {
      this.input = input;
      this.clock = clock;
    }

    @Override
    public boolean isValid(LocalDate day, ConstraintValidatorContext context) {
      LocalDate latest = LocalDate.now(clock).plusDays(input.daysAhead());
      return day == null
          || InputMessages.within(day, input.earliestDate(), latest, "a fact's date", context);
    }
  }
}
