/**
 * Notification: a transactional outbox of SMS and e-mail notices, delivered through pluggable channels
 * ({@link cn.tongban.notification.NotificationChannel}); a development channel shows them in the log and on a page.
 * Public API: {@link cn.tongban.notification.Notifications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification 消息通知")
package cn.tongban.notification;
