/**
 * Identity: natural persons keyed by the citizen ID number, staff with their department and post, and the
 * login that serves every channel. Public API: {@link cn.tongban.identity.CitizenIdNumber},
 * {@link cn.tongban.identity.CreditCode}, {@link cn.tongban.identity.TongbanUser}, {@link cn.tongban.identity.PersonDirectory},
 * {@link cn.tongban.identity.StaffPosts} (posts with A/B staff; {@link cn.tongban.identity.PostAbsenceChanged}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity 统一身份认证")
package cn.tongban.identity;
