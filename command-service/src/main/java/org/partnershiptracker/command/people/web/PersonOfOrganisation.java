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
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PersonId;

/**
 * A person given a role of an organisation was registered with that organisation, or with none: the
 * register then says who holds the role, and cannot contradict the history.
 */
@Documented
@Constraint(validatedBy = PersonOfOrganisation.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonOfOrganisation {
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** A request that gives a person a role of an organisation. */
  interface Designation {
    PersonId personId();

    OrganisationId organisationId();
  }

  class Check implements ConstraintValidator<PersonOfOrganisation, Designation> {
    private final PeopleRegister people;

    public Check(PeopleRegister people) {
      this.people = people;
    }

    @Override
    public boolean isValid(Designation designation, ConstraintValidatorContext context) {
      if (designation == null
          || designation.personId() == null
          || designation.organisationId() == null) {
        return true;
      }
      OrganisationId registeredWith =
          people.find(designation.personId()).map(person -> person.organisationId()).orElse(null);
      if (registeredWith == null || registeredWith.equals(designation.organisationId())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "is registered with organisation '"
                  + registeredWith
                  + "', not '"
                  + designation.organisationId()
                  + "'")
          .addPropertyNode("personId")
          .addConstraintViolation();
      return false;
    }
  }
}
