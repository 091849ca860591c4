package cn.tongban.license.internal;

import java.util.List;

/**
 * A license type of the license catalog (证照目录): its code (GB/T 36904 type code), name, issuing authority, the
 * data fields its licenses carry, how many years they are valid (null: long-term) and whether they need an annual
 * re-check (年检).
 */
public record LicenseType(String code, String name, String issuerCode, String issuerName, String departmentCode,
    List<Field> fields, Integer validityYears, boolean annualCheck) {

  public record Field(String name, String label, boolean required) {}

  String labelOf(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).map(Field::label).findFirst().orElse(fieldName);
  }
}
