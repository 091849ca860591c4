/**
 * Platform infrastructure shared by every business module: the database (embedded or external PostgreSQL and the
 * per-module Flyway migrations), web error handling (RFC 9457 problem details), security wiring, national
 * cryptography (SM2/SM3/SM4) and the request channel. It holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.tongban.platform;
