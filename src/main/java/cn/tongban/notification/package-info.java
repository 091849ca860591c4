/**
 * Notification: a transactional outbox of SMS and e-mail notices, delivered through pluggable channels.
 *
 * <p>API for other modules (this package): {@link Notifications} with {@link Notice}, and the port
 * {@link NotificationChannel} that providers implement. {@code web} holds the development outbox page;
 * {@code internal} the dispatcher and the development channel.
 */
@ApplicationModule(displayName = "Notification 消息通知")
package cn.tongban.notification;

import org.springframework.modulith.ApplicationModule;
