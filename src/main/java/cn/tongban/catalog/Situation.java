package cn.tongban.catalog;

import java.util.List;

/**
 * One question of an item's situation questionnaire (情形), below the smallest item (办理项). Its answer decides
 * which conditions and materials apply. It is asked on the application form too, as a required choice named
 * {@code code}, so the intake knows the applicant's situation.
 */
public record Situation(String code, String question, List<String> options, String hint) {

  public Situation {
    options = options == null ? List.of() : List.copyOf(options);
  }

  FormField asField() {
    return new FormField(code, question, FieldType.SELECT, true, null, null, null, null, null, options, hint, null,
        options.isEmpty() ? null : options.get(0));
  }
}
