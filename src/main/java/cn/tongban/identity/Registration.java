package cn.tongban.identity;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.internal.Account;
import cn.tongban.identity.internal.Accounts;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String REAL_NAME_FAILED = "姓名与身份证号码未通过实名核验（人口基础信息不一致），请核对后重新输入";

  private final Accounts accounts;
  private final PasswordEncoder passwordEncoder;
  private final AuditTrail audit;
  private final RealNameVerifier realNames;

  Registration(Accounts accounts, PasswordEncoder passwordEncoder, AuditTrail audit, RealNameVerifier realNames) {
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.audit = audit;
    this.realNames = realNames;
  }

  /** Validates every field at once; on success the person can sign in with the ID number or mobile number. */
  @Transactional
  public UUID registerPerson(RegisterPerson cmd) {
    String name = cmd.name() == null ? "" : cmd.name().trim();
    String cid = CitizenIdNumber.normalize(cmd.citizenId());
    String mobile = cmd.mobile() == null ? "" : cmd.mobile().trim();
    List<FieldProblem> problems = personProblems(name, cid, mobile);
    passwordProblem(cmd.password()).ifPresent(p -> problems.add(new FieldProblem("password", p)));
    if (problems.stream().noneMatch(p -> p.field().equals("citizenId"))
        && isMinor(new CitizenIdNumber(cid), LocalDate.now(CHINA))) {
      problems.add(new FieldProblem("citizenId", "未满18周岁的未成年人账号由父母或其他监护人登录后代为注册和管理"));
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    UUID id = UUID.randomUUID();
    insertPerson(id, name, cid, mobile, passwordEncoder.encode(cmd.password()), true);
    audit.recordAs(id.toString(), name, AccountKind.PERSON.name(), "account.registered", "account", id.toString(),
        "自然人注册（已通过实名核验），身份证号 " + CitizenIdNumber.mask(cid));
    return id;
  }

  /** Every problem with a person's name, ID number and mobile, including real-name verification and uniqueness. */
  public List<FieldProblem> personProblems(String name, String cid, String mobile) {
    List<FieldProblem> problems = new ArrayList<>();
    if (name.isEmpty()) {
      problems.add(new FieldProblem("name", "请填写姓名"));
    } else if (!name.matches(NAME_PATTERN)) {
      problems.add(new FieldProblem("name", "姓名应为2至50个汉字或字母"));
    }
    Optional<String> idProblem = CitizenIdNumber.problem(cid);
    idProblem.ifPresent(p -> problems.add(new FieldProblem("citizenId", p)));
    if (!mobile.matches(MOBILE_PATTERN)) {
      problems.add(new FieldProblem("mobile", "请填写11位中国大陆手机号码"));
    }
    boolean nameOk = problems.stream().noneMatch(p -> p.field().equals("name"));
    if (idProblem.isEmpty() && nameOk && !realNames.matches(name, cid)) {
      problems.add(new FieldProblem("citizenId", REAL_NAME_FAILED));
    } else if (idProblem.isEmpty() && accounts.citizenIdTaken(cid)) {
      problems.add(new FieldProblem("citizenId", "该身份证号码已注册，请直接登录或找回密码"));
    }
    if (problems.stream().noneMatch(p -> p.field().equals("mobile")) && accounts.personMobileTaken(mobile)) {
      problems.add(new FieldProblem("mobile", "该手机号码已被其他账号使用"));
    }
    return problems;
  }

  /** Under 18 on {@code today}: the 18th birthday is the first day of adulthood. */
  public static boolean isMinor(CitizenIdNumber id, LocalDate today) {
    return today.isBefore(adultOn(id));
  }

  public static LocalDate adultOn(CitizenIdNumber id) {
    return id.birthDate().plusYears(18);
  }

  public void insertPerson(UUID id, String name, String cid, String mobile, String passwordHash, boolean enabled) {
    try {
      accounts.insert(new Account(id, AccountKind.PERSON, id.toString(), passwordHash, name, cid, mobile, null, null,
          null, null, enabled, null));
    } catch (DuplicateKeyException e) { // a concurrent registration of the same person
      throw PlatformException.invalid("citizenId", "该身份证号码已注册，请直接登录或找回密码");
    }
  }

  public String encode(String password) {
    return passwordEncoder.encode(password);
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
    audit.record("account." + kind.name().toLowerCase(Locale.ROOT) + "-created", "account", id.toString(),
        name + "，" + title);
    return id;
  }

  public static Optional<String> passwordProblem(String password) {
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

  /** Whether an account answers to this login (staff user name, ID number or mobile number). */
  public boolean exists(String login) {
    return accounts.byLogin(login).isPresent();
  }
}
