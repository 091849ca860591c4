package cn.tongban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.TongbanTest;
import cn.tongban.notification.Notice;
import cn.tongban.notification.NotificationChannel;
import cn.tongban.notification.Notifications;
import cn.tongban.platform.crypto.MasterKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@TongbanTest
class OutboxTest {
  @Autowired Notifications notifications;
  @Autowired JdbcClient jdbc;
  @Autowired MasterKey masterKey;
  @Autowired TransactionTemplate tx;

  /** Records deliveries; optionally fails. */
  static final class RecordingChannel implements NotificationChannel {
    final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    final boolean fail;

    RecordingChannel(boolean fail) {
      this.fail = fail;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public boolean supports(Notice.Channel channel) {
      return true;
    }

    @Override
    public void deliver(Notice.Channel channel, String address, String subject, String body) {
      if (fail) {
        throw new IllegalStateException("gateway down");
      }
      delivered.add(address + "|" + body);
    }
  }

  String status(UUID id) {
    return jdbc.sql("select status from notification.outbox where id = ?").param(id).query(String.class).single();
  }

  @Test
  void aNoticeGoesOutOnlyIfItsActionCommitsAndNeverShowsTheFullAddress() {
    String recipient = UUID.randomUUID().toString();
    try {
      tx.executeWithoutResult(s -> {
        notifications.send(new Notice(Notice.Channel.SMS, recipient, "13812345678", "验证码", "rolled back"));
        throw new IllegalStateException("the action failed");
      });
    } catch (IllegalStateException expected) {
      // the notice went with it
    }
    assertThat(notifications.sentTo(recipient, 10)).isEmpty();

    UUID id = tx.execute(s -> notifications.send(new Notice(Notice.Channel.SMS, recipient, "13812345678", "验证码",
        "您的验证码是 123456")));
    assertThat(notifications.sentTo(recipient, 10)).singleElement()
        .satisfies(n -> assertThat(n.addressShown()).isEqualTo("138****5678"));
    assertThat(jdbc.sql("select count(*) from notification.outbox where position(convert_to('13812345678', 'UTF8') in address) > 0")
        .query(Integer.class).single()).isZero();

    RecordingChannel channel = new RecordingChannel(false);
    OutboxDispatcher dispatcher = new OutboxDispatcher(jdbc, masterKey, List.of(channel), tx, 3);
    dispatcher.dispatch();
    assertThat(status(id)).isEqualTo("SENT");
    assertThat(channel.delivered).contains("13812345678|您的验证码是 123456");
  }

  @Test
  void aFailedDeliveryIsRetriedAndFinallyGivenUp() {
    UUID id = tx.execute(s -> notifications.send(new Notice(Notice.Channel.EMAIL, "r", "someone@example.cn", "主题", "正文")));
    OutboxDispatcher failing = new OutboxDispatcher(jdbc, masterKey, List.of(new RecordingChannel(true)), tx, 2);
    tx.execute(s -> failing.dispatchBatch(1000));
    assertThat(status(id)).isEqualTo("PENDING");
    jdbc.sql("update notification.outbox set next_attempt = now() where id = ?").param(id).update();
    tx.execute(s -> failing.dispatchBatch(1000));
    assertThat(status(id)).isEqualTo("FAILED");
    assertThat(jdbc.sql("select last_error from notification.outbox where id = ?").param(id).query(String.class)
        .single()).isEqualTo("gateway down");
  }

  @Test
  void twoNodesDispatchingAtOnceDeliverEachNoticeExactlyOnce() throws Exception {
    jdbc.sql("update notification.outbox set status = 'SENT' where status = 'PENDING'").update();
    List<UUID> ids = new ArrayList<>();
    tx.executeWithoutResult(s -> {
      for (int i = 0; i < 60; i++) {
        ids.add(notifications.send(new Notice(Notice.Channel.SMS, "bulk", "1390000" + String.format("%04d", i), "通知",
            "第" + i + "条")));
      }
    });
    RecordingChannel a = new RecordingChannel(false);
    RecordingChannel b = new RecordingChannel(false);
    OutboxDispatcher nodeA = new OutboxDispatcher(jdbc, masterKey, List.of(a), tx, 3);
    OutboxDispatcher nodeB = new OutboxDispatcher(jdbc, masterKey, List.of(b), tx, 3);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      Future<?> fa = pool.submit(() -> { start.await(); nodeA.dispatch(); return null; });
      Future<?> fb = pool.submit(() -> { start.await(); nodeB.dispatch(); return null; });
      start.countDown();
      fa.get(30, TimeUnit.SECONDS);
      fb.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
    }
    List<String> all = new ArrayList<>(a.delivered);
    all.addAll(b.delivered);
    assertThat(all).hasSize(60).doesNotHaveDuplicates();
    assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));
  }
}
