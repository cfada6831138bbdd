package cn.gov.wenzhou.kjj.support.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a demo-data loader on its own daemon thread, so a service reports ready and answers while its sample data
 * arrive through its own commands. A loader that fails leaves a warning, never a stopped service.
 */
public final class BackgroundLoad {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoad.class);

    private BackgroundLoad() {
    }

    public static void start(String threadName, Runnable load) {
        Thread loader = new Thread(() -> {
            try {
                load.run();
            } catch (RuntimeException e) {
                log.warn("{}: demo data could not be loaded completely: {}", threadName, e.getClass().getSimpleName(),
                        e);
            }
        }, threadName);
        loader.setDaemon(true);
        loader.start();
    }
}
