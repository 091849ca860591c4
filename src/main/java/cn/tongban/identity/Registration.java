package cn.tongban.identity;

import cn.tongban.audit.AuditTrail;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers natural persons (and, for demo and administration, staff). */
@Service
public class Registration {
  static final String NAME_PATTERN = "[\\u4e00-\\u9fa5·A-Za-z ]{2,50}";
  static final String MOBILE_PATTERN = "1[3-9]\\d{9}";

  private final Accounts accounts;
  private final PasswordEncoder passwordEncoder;
  private final AuditTrail audit;

  Registration(Accounts accounts, PasswordEncoder passwordEncoder, AuditTrail audit) {
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.audit = audit;
  }

  /** Validates every field at once; on success the person can sign in with the ID number or mobile number. */
  @Transactional
  public UUID registerPerson(RegisterPerson cmd) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = cmd.name() == null ? "" : cmd.name().trim();
    if (name.isEmpty()) {
      problems.add(new FieldProblem("name", "请填写姓名"));
    } else if (!name.matches(NAME_PATTERN)) {
      problems.add(new FieldProblem("name", "姓名应为2至50个汉字或字母"));
    }
    String cid = CitizenIdNumber.normalize(cmd.citizenId());
    Optional<String> idProblem = CitizenIdNumber.problem(cid);
    idProblem.ifPresent(p -> problems.add(new FieldProblem("citizenId", p)));
    String mobile = cmd.mobile() == null ? "" : cmd.mobile().trim();
    if (!mobile.matches(MOBILE_PATTERN)) {
      problems.add(new FieldProblem("mobile", "请填写11位中国大陆手机号码"));
    }
    passwordProblem(cmd.password()).ifPresent(p -> problems.add(new FieldProblem("password", p)));
    if (idProblem.isEmpty() && accounts.citizenIdTaken(cid)) {
      problems.add(new FieldProblem("citizenId", "该身份证号码已注册，请直接登录或找回密码"));
    }
    if (problems.stream().noneMatch(p -> p.field().equals("mobile")) && accounts.personMobileTaken(mobile)) {
      problems.add(new FieldProblem("mobile", "该手机号码已被其他账号使用"));
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    UUID id = UUID.randomUUID();
    try {
      accounts.insert(new Account(id, AccountKind.PERSON, cid, passwordEncoder.encode(cmd.password()), name, cid, mobile,
          null, null, null, null, true, null));
    } catch (DuplicateKeyException e) { // a concurrent registration of the same person
      throw PlatformException.invalid("citizenId", "该身份证号码已注册，请直接登录或找回密码");
    }
    audit.recordAs(id.toString(), name, AccountKind.PERSON.name(), "account.registered", "account", id.toString(),
        "自然人注册，身份证号 " + CitizenIdNumber.mask(cid));
    return id;
  }

  /** Creates a staff account in a department with a post; used by administration and the demo data. */
  @Transactional
  public UUID registerStaff(String username, String password, String name, String departmentCode,
      String departmentName, String regionCode, String post) {
    if (accounts.usernameTaken(username)) {
      throw PlatformException.invalid("username", "该用户名已存在");
    }
    passwordProblem(password).ifPresent(p -> {
      throw PlatformException.invalid("password", p);
    });
    UUID id = UUID.randomUUID();
    accounts.insert(new Account(id, AccountKind.STAFF, username, passwordEncoder.encode(password), name, null, null,
        departmentCode, departmentName, regionCode, post, true, null));
    audit.record("account.staff-created", "account", id.toString(), name + "，" + departmentName + "，" + post);
    return id;
  }

  /** Creates an administrator or supervisor (督办) account; used by administration and the demo data. */
  @Transactional
  public UUID registerOfficial(AccountKind kind, String username, String password, String name, String title) {
    if (kind != AccountKind.ADMIN && kind != AccountKind.SUPERVISOR) {
      throw new IllegalArgumentException("not an official account kind: " + kind);
    }
    if (accounts.usernameTaken(username)) {
      throw PlatformException.invalid("username", "该用户名已存在");
    }
    UUID id = UUID.randomUUID();
    accounts.insert(new Account(id, kind, username, passwordEncoder.encode(password), name, null, null, null, null,
        "330782", title, true, null));
    audit.record("account." + kind.name().toLowerCase(java.util.Locale.ROOT) + "-created", "account", id.toString(),
        name + "，" + title);
    return id;
  }

  static Optional<String> passwordProblem(String password) {
    if (password == null || password.length() < 8) {
      return Optional.of("密码至少8位");
    }
    if (password.length() > 64) {
      return Optional.of("密码不能超过64位");
    }
    if (!password.matches(".*[A-Za-z].*") || !password.matches(".*\\d.*")) {
      return Optional.of("密码须同时包含字母和数字");
    }
    return Optional.empty();
  }

  boolean exists(String username) {
    return accounts.usernameTaken(username);
  }
}
