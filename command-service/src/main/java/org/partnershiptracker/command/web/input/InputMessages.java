package org.partnershiptracker.command.web.input;

import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;

/** The words of a refusal, put where Bean Validation reports it (the field's message). */
final class InputMessages {
  private InputMessages() {}

  static boolean within(
      LocalDate day,
      LocalDate earliest,
      LocalDate latest,
      String what,
      ConstraintValidatorContext c) {
    if (!day.isBefore(earliest) && !day.isAfter(latest)) {
      return true;
    }
    return refuse(
        c, what + " must be between " + earliest + " and " + latest + " (got " + day + ")");
  }

  static boolean refuse(ConstraintValidatorContext context, String message) {
    context.disableDefaultConstraintViolation();
    // Escaped: the message quotes user input, which must not be read as an EL expression.
    context
        .buildConstraintViolationWithTemplate(
            message.replace("\\", "\\\\").replace("{", "\\{").replace("$", "\\$"))
        .addConstraintViolation();
    return false;
  }
}
