package net.connmonitor.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RecordSubscriptionTest {

  /**
   * The members of a cluster may change before a consumer has started (the page, the collector's feed): its first
   * subscription is yet to come then, and is new enough.
   */
  @Test
  void renewedBeforeItIsOpenItDoesNothingAndOnceOpenEachRecordComesOnce(Vertx vertx, VertxTestContext test) {
    List<Object> received = Collections.synchronizedList(new ArrayList<>());
    RecordSubscription subscription = new RecordSubscription(true, message -> received.add(message.body()));
    subscription.renew();
    vertx.runOnContext(go -> subscription.open(vertx).onComplete(test.succeeding(open -> {
      subscription.renew();
      // Once the renewed subscription has replaced the first: one record, handled once.
      vertx.setTimer(300, later -> {
        vertx.eventBus().publish(Records.ADDRESS, "a record");
        vertx.setTimer(300, after -> test.verify(() -> {
          assertEquals(List.of("a record"), received);
          test.completeNow();
        }));
      });
    })));
  }
}
