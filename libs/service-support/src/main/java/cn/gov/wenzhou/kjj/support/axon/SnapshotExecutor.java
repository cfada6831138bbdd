package cn.gov.wenzhou.kjj.support.axon;

import org.springframework.beans.factory.DisposableBean;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The single thread a service's snapshots are taken on; stopped with the context. Axon's default takes a snapshot on
 * the thread that committed the command, after the commit but before the aggregate's lock is released: the caller
 * waits for it (over a second for a 10,000-event project), and under a burst on one aggregate that thread waits for
 * a database connection held by the threads queued on the lock.
 */
public class SnapshotExecutor implements Executor, DisposableBean {

    private final ExecutorService thread;

    public SnapshotExecutor(String serviceName) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread snapshotter = new Thread(runnable, serviceName + "-snapshotter");
            snapshotter.setDaemon(true);
            return snapshotter;
        });
    }

    @Override
    public void execute(Runnable snapshot) {
        thread.execute(snapshot);
    }

    @Override
    public void destroy() {
        thread.shutdown();
    }
}
