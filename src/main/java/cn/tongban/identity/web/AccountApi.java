package cn.tongban.identity.web;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.RegisterPerson;
import cn.tongban.identity.Registration;
import cn.tongban.identity.TongbanUser;
import cn.tongban.identity.internal.Accounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts over the API: registration of natural persons and "who am I". */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "账号", description = "自然人注册与当前用户")
class AccountApi {
  private final Registration registration;
  private final Accounts accounts;
  private final AuditTrail audit;

  AccountApi(Registration registration, Accounts accounts, AuditTrail audit) {
    this.registration = registration;
    this.accounts = accounts;
    this.audit = audit;
  }

  record Registered(UUID accountId) {}

  record Me(UUID accountId, String kind, String name, String departmentCode, String departmentName) {}

  @PostMapping("/accounts/persons")
  @Operation(summary = "自然人注册", description = "姓名、身份证号码（校验位）、手机号码、密码；所有字段错误一次返回。")
  ResponseEntity<Registered> register(@RequestBody RegisterPerson body) {
    UUID id = registration.registerPerson(body);
    return ResponseEntity.created(URI.create("/api/v1/me")).body(new Registered(id));
  }

  @GetMapping("/me")
  @Operation(summary = "当前登录用户")
  Me me(@AuthenticationPrincipal TongbanUser user) {
    return new Me(user.accountId(), user.kind().name(), user.displayName(), user.departmentCode(),
        user.departmentName());
  }

  @PostMapping("/admin/accounts/{id}/unlock")
  @org.springframework.transaction.annotation.Transactional
  @Operation(summary = "管理员解除账号锁定", description = "多次登录失败锁定的账号，只能等锁定到期或由管理员解除；重置密码不会解除锁定。")
  ResponseEntity<Void> unlock(@org.springframework.web.bind.annotation.PathVariable UUID id) {
    if (!accounts.unlock(id)) {
      throw cn.tongban.platform.web.PlatformException.notFound("被锁定的账号");
    }
    audit.record("account.unlocked", "account", id.toString(), "管理员解除锁定");
    return ResponseEntity.noContent().build();
  }
}
