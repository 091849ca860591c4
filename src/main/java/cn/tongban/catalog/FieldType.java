package cn.tongban.catalog;

/** The standard field types of application forms. */
public enum FieldType {
  TEXT, TEXTAREA, CITIZEN_ID, CREDIT_CODE, MOBILE, DATE, NUMBER, MONEY, SELECT,
  /**
   * An address on the national administrative divisions: the 9-digit code of the town or street, a bar, and the
   * detail line, e.g. {@code 330782001|工人北路8号}. The intake checks that the code is a town or street.
   */
  ADDRESS
}
