package cn.tongban.identity;

/** Who an account belongs to. */
public enum AccountKind {
  PERSON("ROLE_APPLICANT", "申请人"),
  STAFF("ROLE_STAFF", "工作人员"),
  ADMIN("ROLE_ADMIN", "管理员"),
  SUPERVISOR("ROLE_SUPERVISOR", "督办人员");

  private final String role;
  private final String label;

  AccountKind(String role, String label) {
    this.role = role;
    this.label = label;
  }

  public String role() {
    return role;
  }

  public String label() {
    return label;
  }
}
