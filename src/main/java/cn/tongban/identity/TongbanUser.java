package cn.tongban.identity;

import cn.tongban.platform.security.ActorIdentity;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/** The signed-in user, the same on every channel. Holds no plaintext secret after authentication. */
public final class TongbanUser
    implements UserDetails, CredentialsContainer, ActorIdentity, OAuth2AuthenticatedPrincipal, Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final UUID accountId;
  private final AccountKind kind;
  private String passwordHash;
  private final String displayName;
  private final String departmentCode;
  private final String departmentName;
  private final String post;
  private final String regionCode;
  private final boolean enabled;
  private final boolean nonLocked;

  public TongbanUser(UUID accountId, AccountKind kind, String passwordHash, String displayName, String departmentCode,
      String departmentName, String post, String regionCode, boolean enabled, boolean nonLocked) {
    this.accountId = accountId;
    this.kind = kind;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.departmentCode = departmentCode;
    this.departmentName = departmentName;
    this.post = post;
    this.regionCode = regionCode;
    this.enabled = enabled;
    this.nonLocked = nonLocked;
  }

  /** The signed-in user of this request, if any. */
  public static Optional<TongbanUser> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof TongbanUser u) {
      return Optional.of(u);
    }
    return Optional.empty();
  }

  public UUID accountId() {
    return accountId;
  }

  /** The account as a typed id, for other modules' APIs. */
  public AccountId id() {
    return AccountId.of(accountId);
  }

  public AccountKind kind() {
    return kind;
  }

  public String displayName() {
    return displayName;
  }

  public String departmentCode() {
    return departmentCode;
  }

  public String departmentName() {
    return departmentName;
  }

  /** The administrative division a staff member works for (county, town, village…), or null. */
  public String regionCode() {
    return regionCode;
  }

  /**
   * Whether a staff member's region covers a case implemented at {@code caseRegion}: the same division, or one
   * below it (a county's staff work the county's and its towns' cases, a town's staff only the town's).
   */
  public boolean worksIn(String caseRegion) {
    if (regionCode == null || caseRegion == null) {
      return true; // not a regional post, or a case from before regions were recorded: the department decides
    }
    return caseRegion.startsWith(significant(regionCode));
  }

  /** 330700 (a city) covers 3307xx, 330000 (a province) covers 33xxxx; town and village codes are used whole. */
  static String significant(String region) {
    String r = region;
    while (r.length() == 6 && r.endsWith("00") || r.length() == 4 && r.endsWith("00")) {
      r = r.substring(0, r.length() - 2);
    }
    return r;
  }

  public String post() {
    return post;
  }

  public boolean isStaff() {
    return kind == AccountKind.STAFF;
  }

  public boolean isSupervisor() {
    return kind == AccountKind.SUPERVISOR;
  }

  public boolean isAdmin() {
    return kind == AccountKind.ADMIN;
  }

  public boolean isApplicant() {
    return kind == AccountKind.PERSON;
  }

  @Override
  public String actorId() {
    return accountId.toString();
  }

  @Override
  public String actorName() {
    return displayName;
  }

  @Override
  public String actorRole() {
    return kind.name();
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(kind.role()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  /**
   * The account id, never the login (an ID number or mobile number must not end up in session indexes or logs).
   */
  @Override
  public String getUsername() {
    return accountId.toString();
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public boolean isAccountNonLocked() {
    return nonLocked;
  }

  @Override
  public String getName() {
    return accountId.toString();
  }

  @Override
  public Map<String, Object> getAttributes() {
    return Map.of("sub", accountId.toString(), "kind", kind.name());
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TongbanUser u && u.accountId.equals(accountId);
  }

  @Override
  public int hashCode() {
    return accountId.hashCode();
  }

  @Override
  public String toString() {
    return kind + ":" + accountId;
  }
}
