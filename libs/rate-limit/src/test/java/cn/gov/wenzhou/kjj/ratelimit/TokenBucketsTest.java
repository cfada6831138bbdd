package cn.gov.wenzhou.kjj.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aClientMayBurstThenWaitsForTheRefillAndIsToldHowLong() {
        TokenBuckets buckets = new TokenBuckets(60, 3, 1000, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a").allowed()).isTrue();
        }
        TokenBuckets.Decision refused = buckets.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(3);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        now.addAndGet(1_000_000_000L); // one second: one request a second at 60 a minute
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        TokenBuckets buckets = new TokenBuckets(60, 1, 1000, now::get);
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
        assertThat(buckets.take("b").allowed()).isTrue();
    }

    @Test
    void aSlowRefillSaysSoInRetryAfter() {
        TokenBuckets buckets = new TokenBuckets(2, 1, 1000, now::get);
        buckets.take("a");
        assertThat(buckets.take("a").retryAfterSeconds()).isEqualTo(30);
    }

    @Test
    void memoryIsBoundedFullBucketsAreDroppedAndAFloodSharesOneBucket() {
        TokenBuckets buckets = new TokenBuckets(60, 1, 100, now::get);
        for (int i = 0; i < 100; i++) {
            buckets.take("client-" + i);
        }
        assertThat(buckets.tracked()).isEqualTo(100);
        // none full yet: newcomers share the overflow bucket
        assertThat(buckets.take("newcomer-1").allowed()).isTrue();
        assertThat(buckets.take("newcomer-2").allowed()).isFalse();
        assertThat(buckets.tracked()).isEqualTo(101);

        now.addAndGet(60_000_000_000L); // everyone refilled: full buckets are the same as none and are dropped
        assertThat(buckets.take("newcomer-3").allowed()).isTrue();
        assertThat(buckets.tracked()).isLessThanOrEqualTo(2);
    }

    @Test
    void aLimitWithoutARateOrBurstIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenBuckets(0, 1, 1, now::get));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClientRateLimit.Limit(1, 0));
    }
}
