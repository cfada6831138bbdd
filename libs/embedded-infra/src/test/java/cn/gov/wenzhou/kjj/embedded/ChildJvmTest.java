package cn.gov.wenzhou.kjj.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nothing a child process starts outlives it, and no child outlives the JVM that started it. */
class ChildJvmTest {

    /** A shell with two children of its own, as a JVM with its own servers would have. */
    static final List<String> TREE = List.of("sh", "-c", "sleep 600 & sleep 600 & wait");

    @TempDir
    Path logs;

    @Test
    void closingAChildEndsItsWholeProcessTree() throws Exception {
        ChildJvm child = ChildJvm.start("tree", TREE, Map.of(), logs.resolve("tree.log"));
        List<ProcessHandle> tree = await().atMost(Duration.ofSeconds(30))
                .until(child::descendants, descendants -> descendants.size() >= 2);

        child.close();

        assertThat(child.isAlive()).isFalse();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(tree).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void killingAChildKillsItsWholeProcessTree() throws Exception {
        ChildJvm child = ChildJvm.start("tree", TREE, Map.of(), logs.resolve("tree.log"));
        List<ProcessHandle> tree = await().atMost(Duration.ofSeconds(30))
                .until(child::descendants, descendants -> descendants.size() >= 2);

        child.kill();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(tree).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void noChildOutlivesTheJvmThatStartedIt() throws Exception {
        Path pids = logs.resolve("pids");
        ChildJvm launcher = ChildJvm.start("launcher", List.of(ChildJvm.java(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), logs.toString(), pids.toString()),
                Map.of(), logs.resolve("launcher.log"));
        await().atMost(Duration.ofSeconds(90)).until(() -> !launcher.isAlive());
        launcher.close();

        List<Long> started = Files.readAllLines(pids).stream().map(Long::valueOf).toList();
        assertThat(started).as("the launched shell and its two children").hasSize(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(started)
                .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    }

    /** A JVM that starts a process tree, writes down its pids and exits without closing anything. */
    public static final class Launcher {
        public static void main(String[] args) throws Exception {
            ChildJvm child = ChildJvm.start("tree", TREE, Map.of(), Path.of(args[0], "launched.log"));
            List<ProcessHandle> tree = await().atMost(Duration.ofSeconds(30))
                    .until(child::descendants, descendants -> descendants.size() >= 2);
            List<String> pids = new ArrayList<>(List.of(String.valueOf(child.pid())));
            tree.forEach(handle -> pids.add(String.valueOf(handle.pid())));
            Files.write(Path.of(args[1]), pids);
        }
    }
}
