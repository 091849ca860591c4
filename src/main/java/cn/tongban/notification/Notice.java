package cn.tongban.notification;

/** A message to one person through one channel. {@code address} is a mobile number or an e-mail address. */
public record Notice(Channel channel, String recipientId, String address, String subject, String body) {
  public enum Channel { SMS, EMAIL }
}
