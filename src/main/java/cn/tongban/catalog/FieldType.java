package cn.tongban.catalog;

/** The standard field types of application forms. */
public enum FieldType {
  TEXT, TEXTAREA, CITIZEN_ID, CREDIT_CODE, MOBILE, DATE, NUMBER, MONEY, SELECT
}
