package cn.tongban.identity;

import cn.tongban.identity.internal.Account;
import cn.tongban.identity.internal.Accounts;
import cn.tongban.identity.internal.Guardianship;
import cn.tongban.identity.internal.Mandate;
import cn.tongban.identity.internal.Relations;
import cn.tongban.platform.web.PlatformException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may act for whom, checked at every use so that revocation, expiry and a minor's coming of age take effect at
 * once: a guardian for a current minor, an agent for a person within an active mandate's items and period, and a
 * legal representative or an authorized employee (经办人) for an enterprise.
 */
@Service
public class Representation {
  /** Someone the signed-in user may act for, with the relation in words. */
  public record Party(PartyType type, UUID id, String name, String relation) {
    public String key() {
      return type.name() + ":" + id;
    }
  }

  private final Relations relations;
  private final Accounts accounts;

  Representation(Relations relations, Accounts accounts) {
    this.relations = relations;
    this.accounts = accounts;
  }

  public static LocalDate today() {
    return LocalDate.now(Registration.CHINA);
  }

  /** Everyone the actor may currently act for (besides themselves). */
  @Transactional(readOnly = true)
  public List<Party> partiesFor(UUID actorId) {
    Map<String, Party> parties = new LinkedHashMap<>();
    for (Guardianship g : relations.guardianshipsOf(actorId)) {
      if (g.active()) {
        put(parties, new Party(PartyType.PERSON, g.minorAccountId(), g.minorName(), "监护 · " + g.relationLabel()));
      }
    }
    for (Enterprise e : relations.enterprisesOfLegalRep(actorId)) {
      put(parties, new Party(PartyType.ENTERPRISE, e.id(), e.name(), "法定代表人"));
    }
    for (Mandate m : relations.unrevokedMandatesOfAgent(actorId)) {
      if (m.activeOn(today())) {
        put(parties, new Party(m.principalType(), m.principalId(), m.principalName(),
            m.principalType() == PartyType.ENTERPRISE ? "经办人授权" : "委托代办"));
      }
    }
    return new ArrayList<>(parties.values());
  }

  private static void put(Map<String, Party> parties, Party p) {
    parties.putIfAbsent(p.key(), p);
  }

  /** Whether the actor may act for (and read the cases of) this person for this item, today. */
  @Transactional(readOnly = true)
  public boolean mayActForPerson(UUID actorId, UUID personId, String itemCode) {
    if (relations.activeGuardian(actorId, personId)) {
      return true;
    }
    return relations.unrevokedMandatesOfAgent(actorId).stream().anyMatch(m -> m.principalType() == PartyType.PERSON
        && m.principalId().equals(personId) && m.activeOn(today()) && m.covers(itemCode));
  }

  /** Whether the actor is the legal representative of the enterprise or an employee authorized for this item. */
  @Transactional(readOnly = true)
  public boolean mayActForEnterprise(UUID actorId, UUID enterpriseId, String itemCode) {
    if (relations.enterprise(enterpriseId).filter(e -> e.legalRepAccountId().equals(actorId)).isPresent()) {
      return true;
    }
    return relations.unrevokedMandatesOfAgent(actorId).stream().anyMatch(m -> m.principalType() == PartyType.ENTERPRISE
        && m.principalId().equals(enterpriseId) && m.activeOn(today()) && m.covers(itemCode));
  }

  /**
   * Resolves an application the actor makes for a party (null party = for themselves). Refused with 403 when the
   * actor holds no current guardianship, mandate or authorization covering the item.
   */
  @Transactional(readOnly = true)
  public Acting actFor(UUID actorId, PartyType type, UUID partyId, String itemCode) {
    Account actor = accounts.byId(actorId).filter(a -> a.kind() == AccountKind.PERSON)
        .orElseThrow(() -> PlatformException.notFound("申请人"));
    if (type == null || partyId == null || (type == PartyType.PERSON && partyId.equals(actorId))) {
      return new Acting(actorId, PartyType.PERSON, actorId, actor.displayName(), null, null, null);
    }
    if (type == PartyType.PERSON) {
      Account principal = accounts.byId(partyId).orElseThrow(Representation::notEntitled);
      if (relations.activeGuardian(actorId, partyId)) {
        return new Acting(partyId, PartyType.PERSON, partyId, principal.displayName(), actorId, actor.displayName(),
            Acting.GUARDIAN);
      }
      if (mayActForPerson(actorId, partyId, itemCode)) {
        return new Acting(partyId, PartyType.PERSON, partyId, principal.displayName(), actorId, actor.displayName(),
            Acting.AGENT);
      }
      throw notEntitled();
    }
    Enterprise e = relations.enterprise(partyId).orElseThrow(Representation::notEntitled);
    if (!mayActForEnterprise(actorId, partyId, itemCode)) {
      throw notEntitled();
    }
    return new Acting(actorId, PartyType.ENTERPRISE, e.id(), e.name(), null, null, null);
  }

  /** A window clerk's assisted application (帮办) for a registered person. */
  @Transactional(readOnly = true)
  public Acting assistedBy(UUID clerkId, UUID personId) {
    Account clerk = accounts.byId(clerkId).filter(a -> a.kind() == AccountKind.STAFF)
        .orElseThrow(() -> new PlatformException(HttpStatus.FORBIDDEN, "FORBIDDEN", "只有窗口工作人员可以帮办。"));
    Account person = accounts.byId(personId).filter(a -> a.kind() == AccountKind.PERSON)
        .orElseThrow(() -> PlatformException.notFound("申请人"));
    return new Acting(personId, PartyType.PERSON, personId, person.displayName(), clerkId, clerk.displayName(),
        Acting.ASSISTED);
  }

  static PlatformException notEntitled() {
    return new PlatformException(HttpStatus.FORBIDDEN, "NOT_ENTITLED_TO_ACT",
        "您没有为该申请人办理此事项的有效授权（委托或授权不存在、已过期或已撤销，或监护关系已终止）。");
  }
}
