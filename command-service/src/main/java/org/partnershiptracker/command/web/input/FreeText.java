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
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text a person wrote for the history (names, titles, reasons, outcomes): something visible, no
 * control characters (line breaks and tabs aside), no bidirectional overrides that make text read
 * differently from what it holds, no broken characters (lone surrogates), and no personal data
 * (e-mail addresses, UK phone and NHS numbers, {@code tracker.input.personal-data.*}): events are
 * immutable and published, so what enters them stays.
 */
@Documented
@Constraint(validatedBy = FreeText.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<FreeText, String> {
    private final Map<String, Pattern> personalData;

    public Check(InputProperties input) {
      this.personalData = input.personalDataPatterns();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      if (text == null) {
        return true;
      }
      String unfit = unfit(text);
      if (unfit != null) {
        return InputMessages.refuse(context, unfit);
      }
      for (Map.Entry<String, Pattern> kind : personalData.entrySet()) {
        if (kind.getValue().matcher(text).find()) {
          return InputMessages.refuse(
              context,
              "holds personal data ("
                  + kind.getKey().replace('-', ' ')
                  + "); events are kept for good and published: refer to people by a"
                  + " pseudonymous person id");
        }
      }
      return true;
    }

    /** Why the text cannot be recorded, or null. */
    static String unfit(String text) {
      boolean visible = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          visible = true;
          continue;
        }
        if (Character.isSurrogate(c)) {
          return "holds a broken character (a lone surrogate)";
        }
        if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t') {
          return "holds a control character (U+%04X)".formatted((int) c);
        }
        if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
          return "holds a bidirectional override (U+%04X)".formatted((int) c);
        }
        if (!Character.isWhitespace(c)
            && !Character.isSpaceChar(c)
            && Character.getType(c) != Character.FORMAT
            && Character.getType(c) != Character.CONTROL) {
          visible = true;
        }
      }
      return visible ? null : "has nothing visible";
    }
  }
}
