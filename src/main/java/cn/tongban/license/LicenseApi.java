package cn.tongban.license;

import cn.tongban.identity.PersonDirectory;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Licenses over the API: public verification, and the holder's wallet. */
@RestController
@RequestMapping("/api/v1/licenses")
@Tag(name = "电子证照", description = "证照核验与我的证照")
class LicenseApi {
  private final LicenseVerifier verifier;
  private final PersonDirectory persons;

  LicenseApi(LicenseVerifier verifier, PersonDirectory persons) {
    this.verifier = verifier;
    this.persons = persons;
  }

  @GetMapping("/verification/{identifier}")
  @Operation(summary = "核验电子证照（公开）", description = "校验SM2签名与证照数据是否一致，并返回证照状态。")
  LicenseVerification verify(@PathVariable String identifier) {
    return verifier.verify(identifier).orElseThrow(() -> PlatformException.notFound("证照"));
  }

  @GetMapping
  @Operation(summary = "我的电子证照")
  List<LicenseVerification> mine(@AuthenticationPrincipal TongbanUser user) {
    var person = persons.findPerson(user.accountId()).orElseThrow(() -> PlatformException.notFound("申请人"));
    return verifier.heldBy(person.citizenId());
  }
}
