/**
 * Platform: the open shared kernel of infrastructure that every business module may use, all of its subpackages
 * included: {@code crypto} (SM2/SM3/SM4, the master key, {@code PersonalData} sealing), {@code db} (embedded or
 * external PostgreSQL and the per-module Flyway migrations), {@code security} (the security chains and the acting
 * user's identity for audit) and {@code web} (RFC 9457 problem details, field problems, the request channel, time
 * formatting). It holds no business rules and depends on no business module.
 */
@ApplicationModule(type = Type.OPEN)
package cn.tongban.platform;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.ApplicationModule.Type;
