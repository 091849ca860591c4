package cn.tongban.identity.internal;

import cn.tongban.identity.Enterprise;
import cn.tongban.identity.PartyType;
import cn.tongban.platform.crypto.PersonalData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who may act for whom: bound enterprises, mandates (delegations and employee authorizations) and guardianships. */
@Repository
public class Relations {
  private static final String MANDATE_SELECT = """
      select m.*, ag.display_name as agent_name, ag.citizen_id_sealed as agent_citizen_id,
        coalesce(pa.display_name, e.name) as principal_name
      from identity.mandate m
      join identity.account ag on ag.id = m.agent_account_id
      left join identity.account pa on m.principal_type = 'PERSON' and pa.id = m.principal_id
      left join identity.enterprise e on m.principal_type = 'ENTERPRISE' and e.id = m.principal_id
      """;
  private static final String GUARDIANSHIP_SELECT = """
      select g.*, a.display_name as minor_name, a.citizen_id_sealed as minor_citizen_id
      from identity.guardianship g join identity.account a on a.id = g.minor_account_id
      """;

  private final JdbcClient jdbc;
  private final PersonalData personal;

  Relations(JdbcClient jdbc, PersonalData personal) {
    this.jdbc = jdbc;
    this.personal = personal;
  }

  // --- enterprises

  public void insertEnterprise(Enterprise e) {
    jdbc.sql("insert into identity.enterprise (id, credit_code, name, legal_rep_account_id) values (?, ?, ?, ?)")
        .params(e.id(), e.creditCode(), e.name(), e.legalRepAccountId()).update();
  }

  public Optional<Enterprise> enterprise(UUID id) {
    return jdbc.sql("select * from identity.enterprise where id = ?").param(id).query(Relations::enterprise).optional();
  }

  public boolean creditCodeBound(String creditCode) {
    return jdbc.sql("select count(*) from identity.enterprise where credit_code = ?").param(creditCode)
        .query(Integer.class).single() > 0;
  }

  public List<Enterprise> enterprisesOfLegalRep(UUID accountId) {
    return jdbc.sql("select * from identity.enterprise where legal_rep_account_id = ? order by bound_at")
        .param(accountId).query(Relations::enterprise).list();
  }

  private static Enterprise enterprise(ResultSet rs, int i) throws SQLException {
    return new Enterprise(rs.getObject("id", UUID.class), rs.getString("credit_code"), rs.getString("name"),
        rs.getObject("legal_rep_account_id", UUID.class), rs.getTimestamp("bound_at").toInstant());
  }

  // --- mandates

  void insertMandate(UUID id, PartyType principalType, UUID principalId, UUID agentId, String itemCode,
      LocalDate validFrom, LocalDate validUntil, UUID grantedBy) {
    jdbc.sql("""
        insert into identity.mandate (id, principal_type, principal_id, agent_account_id, item_code, valid_from,
          valid_until, granted_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, principalType.name(), principalId, agentId, itemCode, Date.valueOf(validFrom),
            validUntil == null ? null : Date.valueOf(validUntil), grantedBy)
        .update();
  }

  /** Revokes at once; false when the mandate is not the principal's or was revoked already. */
  boolean revokeMandate(UUID id, PartyType principalType, UUID principalId, UUID by) {
    return jdbc.sql("""
        update identity.mandate set revoked_at = now(), revoked_by = ?
        where id = ? and principal_type = ? and principal_id = ? and revoked_at is null""")
        .params(by, id, principalType.name(), principalId).update() == 1;
  }

  List<Mandate> mandatesOfPrincipal(PartyType type, UUID principalId) {
    return jdbc.sql(MANDATE_SELECT + " where m.principal_type = ? and m.principal_id = ? order by m.granted_at desc")
        .params(type.name(), principalId).query(this::mandate).list();
  }

  /** Mandates held by an agent that were not revoked (validity dates are checked by the caller). */
  public List<Mandate> unrevokedMandatesOfAgent(UUID agentId) {
    return jdbc.sql(MANDATE_SELECT + " where m.agent_account_id = ? and m.revoked_at is null order by m.granted_at desc")
        .param(agentId).query(this::mandate).list();
  }

  private Mandate mandate(ResultSet rs, int i) throws SQLException {
    Date until = rs.getDate("valid_until");
    return new Mandate(rs.getObject("id", UUID.class), PartyType.valueOf(rs.getString("principal_type")),
        rs.getObject("principal_id", UUID.class), rs.getString("principal_name"),
        rs.getObject("agent_account_id", UUID.class), rs.getString("agent_name"), personal.open(rs.getBytes("agent_citizen_id"), Accounts.CITIZEN_ID),
        rs.getString("item_code"), rs.getDate("valid_from").toLocalDate(), until == null ? null : until.toLocalDate(),
        rs.getTimestamp("granted_at").toInstant(), instant(rs.getTimestamp("revoked_at")));
  }

  // --- guardianships

  void insertGuardianship(UUID id, UUID guardianId, UUID minorId, String relation, LocalDate adultOn) {
    jdbc.sql("""
        insert into identity.guardianship (id, guardian_account_id, minor_account_id, relation, adult_on)
        values (?, ?, ?, ?, ?)""").params(id, guardianId, minorId, relation, Date.valueOf(adultOn)).update();
  }

  public List<Guardianship> guardianshipsOf(UUID guardianId) {
    return jdbc.sql(GUARDIANSHIP_SELECT + " where g.guardian_account_id = ? order by g.started_at")
        .param(guardianId).query(this::guardianship).list();
  }

  public boolean activeGuardian(UUID guardianId, UUID minorId) {
    return jdbc.sql("""
        select count(*) from identity.guardianship
        where guardian_account_id = ? and minor_account_id = ? and ended_at is null""")
        .params(guardianId, minorId).query(Integer.class).single() > 0;
  }

  boolean hasActiveGuardian(UUID minorId) {
    return jdbc.sql("select count(*) from identity.guardianship where minor_account_id = ? and ended_at is null")
        .param(minorId).query(Integer.class).single() > 0;
  }

  /**
   * Claims minors who come of age by {@code today} and still have a guardian, locking their account rows so that
   * another node running the same job skips them; the caller hands them over in the same transaction.
   */
  List<UUID> claimMinorsComingOfAge(LocalDate today, int limit) {
    return jdbc.sql("""
        select a.id from identity.account a
        where exists (select 1 from identity.guardianship g
                      where g.minor_account_id = a.id and g.ended_at is null and g.adult_on <= ?)
        limit ? for update of a skip locked""")
        .params(Date.valueOf(today), limit).query(UUID.class).list();
  }

  /** Ends every active guardianship of the minor; returns the guardians who lost access. */
  List<UUID> endGuardianshipsOf(UUID minorId, String reason) {
    return jdbc.sql("""
        update identity.guardianship set ended_at = now(), end_reason = ?
        where minor_account_id = ? and ended_at is null returning guardian_account_id""")
        .params(reason, minorId).query(UUID.class).list();
  }

  private Guardianship guardianship(ResultSet rs, int i) throws SQLException {
    return new Guardianship(rs.getObject("id", UUID.class), rs.getObject("guardian_account_id", UUID.class),
        rs.getObject("minor_account_id", UUID.class), rs.getString("minor_name"), personal.open(rs.getBytes("minor_citizen_id"), Accounts.CITIZEN_ID),
        rs.getString("relation"), rs.getDate("adult_on").toLocalDate(), rs.getTimestamp("started_at").toInstant(),
        instant(rs.getTimestamp("ended_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
