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
import java.text.Normalizer;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.partnershiptracker.events.value.Limits;

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
    /** Letters and symbols that render as blank space (Hangul fillers, the blank braille cell). */
    private static final Set<Integer> BLANK_LOOKING =
        Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    private final Map<String, Pattern> personalData;

    public Check(InputProperties input) {
      this.personalData = input.personalDataPatterns();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      if (text == null || text.length() > Limits.PROBLEM_STATEMENT) {
        return true; // too long for any text field: @Size refuses it without scanning it
      }
      String unfit = unfit(text);
      if (unfit != null) {
        return InputMessages.refuse(context, unfit);
      }
      // Compatibility-folded, so that full-width digits or a full-width @ are found too.
      String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
      for (Map.Entry<String, Pattern> kind : personalData.entrySet()) {
        if (kind.getValue().matcher(folded).find()) {
          return InputMessages.refuse(
              context,
              "holds personal data ("
                  + kind.getKey()
                  + "); events are kept for good and published: refer to people by a"
                  + " pseudonymous person id");
        }
      }
      return true;
    }

    /** Why the text cannot be recorded, or null. */
    static String unfit(String text) {
      boolean visible = false;
      for (int i = 0; i < text.length(); ) {
        if (Character.isSurrogate(text.charAt(i))
            && !(Character.isHighSurrogate(text.charAt(i))
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1)))) {
          return "holds a broken character (a lone surrogate)";
        }
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        int type = Character.getType(c);
        if (type == Character.CONTROL && c != '\n' && c != '\r' && c != '\t') {
          return "holds a control character (U+%04X)".formatted(c);
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
          return "holds a bidirectional override (U+%04X)".formatted(c);
        }
        if ((c >= 0xE0000 && c <= 0xE007F)
            || (c & 0xFFFE) == 0xFFFE
            || (c >= 0xFDD0 && c <= 0xFDEF)) {
          return "holds an invisible tag or a noncharacter (U+%04X)".formatted(c);
        }
        visible |= shows(c, type);
      }
      return visible ? null : "has nothing visible";
    }

    /** Whether a character puts ink on the page by itself. */
    private static boolean shows(int c, int type) {
      return !Character.isWhitespace(c)
          && !Character.isSpaceChar(c)
          && type != Character.FORMAT
          && type != Character.CONTROL
          && type != Character.UNASSIGNED
          && type != Character.PRIVATE_USE
          && type != Character.NON_SPACING_MARK
          && type != Character.ENCLOSING_MARK
          && !BLANK_LOOKING.contains(c);
    }
  }
}
