package cn.tongban.notification;

/**
 * A way to deliver notices: an SMS gateway, an e-mail server… Implement it as a Spring bean to add a provider;
 * the first bean that {@link #supports} a channel delivers it.
 */
public interface NotificationChannel {
  /** A short name recorded with each delivery. */
  String name();

  boolean supports(Notice.Channel channel);

  /** Delivers or throws; a thrown exception is retried later. */
  void deliver(Notice.Channel channel, String address, String subject, String body) throws Exception;
}
