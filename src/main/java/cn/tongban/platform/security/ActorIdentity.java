package cn.tongban.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What every module may know about the person acting: implemented by the identity module's principal. */
public interface ActorIdentity {
  String actorId();

  String actorName();

  /** APPLICANT, STAFF, ADMIN, SUPERVISOR… */
  String actorRole();

  static Optional<ActorIdentity> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ActorIdentity a) {
      return Optional.of(a);
    }
    return Optional.empty();
  }
}
