package cn.tongban.identity.web;

import cn.tongban.identity.TongbanUser;
import cn.tongban.identity.internal.ApiTokens;
import cn.tongban.identity.internal.Credentials;
import cn.tongban.identity.internal.OneTimeCodes;
import cn.tongban.identity.internal.SignOut;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One login for every channel: bearer tokens for the app, mini-program and kiosk. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "认证", description = "令牌、短信验证码、重置密码、退出所有设备")
class AuthApi {
  private final Credentials credentials;
  private final ApiTokens tokens;
  private final OneTimeCodes codes;
  private final SignOut signOut;

  AuthApi(Credentials credentials, ApiTokens tokens, OneTimeCodes codes, SignOut signOut) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.codes = codes;
    this.signOut = signOut;
  }

  record TokenRequest(String login, String password, String code) {}

  record CodeRequest(String login, String purpose) {}

  record Reset(String login, String code, String newPassword) {}

  @PostMapping("/tokens")
  @Operation(summary = "获取访问令牌", description = "login 为身份证号、手机号或工作人员用户名；提供 password 或短信验证码 code。"
      + "返回的 Bearer 令牌用于之后的每个请求（Authorization: Bearer …）。")
  ApiTokens.IssuedToken token(@RequestBody TokenRequest body) {
    TongbanUser user = body.code() != null && !body.code().isBlank()
        ? credentials.byCode(body.login(), body.code())
        : credentials.byPassword(body.login(), body.password());
    return tokens.issue(user.accountId());
  }

  @DeleteMapping("/tokens/current")
  @Operation(summary = "注销当前令牌")
  ResponseEntity<Void> revoke(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      tokens.revoke(header.substring(7).trim());
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/auth/codes")
  @Operation(summary = "发送短信验证码", description = "purpose 为 LOGIN 或 RESET。无论账号是否存在，回答都相同。")
  ResponseEntity<Map<String, String>> sendCode(@RequestBody CodeRequest body) {
    OneTimeCodes.Purpose purpose = "RESET".equalsIgnoreCase(body.purpose()) ? OneTimeCodes.Purpose.RESET
        : OneTimeCodes.Purpose.LOGIN;
    codes.send(body.login(), purpose);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", "如果该账号存在并绑定了手机，验证码已发送。"));
  }

  @PostMapping("/auth/password-reset")
  @Operation(summary = "凭短信验证码重置密码", description = "成功后该账号在所有设备上退出登录。")
  ResponseEntity<Void> reset(@RequestBody Reset body) {
    credentials.resetPassword(body.login(), body.code(), body.newPassword());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/me/sign-out-everywhere")
  @Operation(summary = "在所有设备上退出登录")
  ResponseEntity<Void> everywhere(@AuthenticationPrincipal TongbanUser user) {
    signOut.everywhere(user.accountId(), "用户选择退出所有设备");
    return ResponseEntity.noContent().build();
  }
}
