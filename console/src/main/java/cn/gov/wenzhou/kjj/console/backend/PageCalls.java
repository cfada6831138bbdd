package cn.gov.wenzhou.kjj.console.backend;

import cn.gov.wenzhou.kjj.console.ConsoleProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The independent service calls of one page, made side by side: a page that needs the audit trail's rows, its
 * totals and its reconciliation waits for the slowest of them, not for their sum. Each call runs with the signed-in
 * user's security context and request (the OAuth2 interceptor finds the user's token in the session through them),
 * and {@link #all} waits for every call it was given before it returns or throws, so no call outlives the request
 * that made it.
 */
@Component
public class PageCalls implements DisposableBean {

    private final ExecutorService pool;

    public PageCalls(ConsoleProperties properties) {
        AtomicInteger threads = new AtomicInteger();
        int size = properties.backendCallThreads();
        this.pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "console-page-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A call started now, as the current user; its answer (or its failure) comes from {@link Call#get()}. */
    public <T> Call<T> start(Supplier<T> call) {
        SecurityContext security = SecurityContextHolder.getContext();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return new Call<>(CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            RequestContextHolder.setRequestAttributes(request);
            try {
                return call.get();
            } finally {
                RequestContextHolder.resetRequestAttributes();
                SecurityContextHolder.clearContext();
            }
        }, pool));
    }

    /**
     * Waits until every one of {@code calls} has answered or failed (successes and failures alike); a null stands for
     * a call the page did not need to make.
     */
    public void all(Call<?>... calls) {
        for (Call<?> call : calls) {
            if (call != null) {
                call.await();
            }
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** One call in flight. */
    public static final class Call<T> {

        private final CompletableFuture<T> answer;

        private Call(CompletableFuture<T> answer) {
            this.answer = answer;
        }

        /** The call's answer; its failure is thrown here as the call threw it (a {@link ServiceProblem}, say). */
        public T get() {
            try {
                return answer.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }

        private void await() {
            try {
                answer.join();
            } catch (RuntimeException failedAndSeenByGet) {
                // get() throws it to whoever reads the answer
            }
        }
    }
}
