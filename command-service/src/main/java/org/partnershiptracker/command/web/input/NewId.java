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

/**
 * An id a request brings into the history for the first time (the form of every id is the value
 * type's): it follows the input rules of {@link InputIds}. Ids that refer to what is already
 * recorded are not checked again, so that history recorded under older rules stays reachable.
 */
@Documented
@Constraint(validatedBy = NewId.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface NewId {
  /** A person id, which must also not look like a name or an address. */
  boolean person() default false;

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<NewId, Object> {
    private boolean person;

    @Override
    public void initialize(NewId id) {
      this.person = id.person();
    }

    @Override
    public boolean isValid(Object id, ConstraintValidatorContext context) {
      String why = id == null ? null : InputIds.refusal(id.toString(), person);
      return why == null || InputMessages.refuse(context, why);
    }
  }
}
