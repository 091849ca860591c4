package cn.tongban.catalog;

import java.util.List;

/**
 * One field of an item's application form, stored as data. {@code prefill} names the data the government already
 * holds that fills it (e.g. {@code person.name}); the applicant confirms rather than types.
 */
public record FormField(String name, String label, FieldType type, boolean required, Integer maxLength,
    String pattern, String patternMessage, Double min, Double max, List<String> options, String hint,
    String prefill, String example) {

  public FormField {
    options = options == null ? List.of() : List.copyOf(options);
  }
}
