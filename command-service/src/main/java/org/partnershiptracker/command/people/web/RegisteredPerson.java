package org.partnershiptracker.command.people.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.partnershiptracker.command.people.model.PeopleRegister;
import org.partnershiptracker.events.value.PersonId;

/**
 * A person id that enters the history names a registered, not erased, person — unless {@code
 * tracker.people.registered-only} is false, for systems that bring their own pseudonyms.
 */
@Documented
@Constraint(validatedBy = RegisteredPerson.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface RegisteredPerson {
  String message() default
      "is not a registered person: register the person with POST /api/people and use the id it"
          + " answers";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<RegisteredPerson, PersonId> {
    private final PeopleRegister people;
    private final PeopleProperties properties;

    public Check(PeopleRegister people, PeopleProperties properties) {
      this.people = people;
      this.properties = properties;
    }

    @Override
    public boolean isValid(PersonId personId, ConstraintValidatorContext context) {
      return personId == null
          || !properties.registeredOnly()
          || people.find(personId).filter(person -> !person.erased()).isPresent();
    }
  }
}
