package cn.gov.wenzhou.kjj.bench.explore;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Exploration only ({@code --with jdbc-profile}): counts and times every statement and commit a service sends to
 * PostgreSQL, by SQL text, so that a figure can be split into round trips, durable commits and the rest (CPU in the
 * JVM). Wraps the service's DataSource; unwrap() still reaches Hikari.
 */
public class JdbcProfile implements BeanPostProcessor {

    private static final Map<String, LongAdder[]> CALLS = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    /** Calls since the last reset, by SQL (first 90 characters), most expensive first: [count, total ms]. */
    public static Map<String, double[]> snapshotAndReset() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        CALLS.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder[]> e) -> e.getValue()[1].sum())
                        .reversed())
                .forEach(e -> copy.put(e.getKey(),
                        new double[]{e.getValue()[0].sum(), e.getValue()[1].sum() / 1e6}));
        CALLS.clear();
        return copy;
    }

    private static Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback")) {
                return timed(name.toUpperCase(), target, method, args);
            }
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement && !Proxy.isProxyClass(result.getClass())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return statement(statement, method.getReturnType(), sql);
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private static Object statement(Statement statement, Class<?> type, String preparedSql) {
        Class<Statement> face = (Class<Statement>) (Statement.class.isAssignableFrom(type) ? type : Statement.class);
        return proxy(face, statement, (target, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                String sql = preparedSql != null ? preparedSql
                        : args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
                return timed((name.equals("executeBatch") ? "BATCH " : "") + shorten(sql), target, method, args);
            }
            return invoke(target, method, args);
        });
    }

    private static Object timed(String statement, Object target, Method method, Object[] args) throws Throwable {
        long started = System.nanoTime();
        try {
            return invoke(target, method, args);
        } finally {
            String key = "[" + threadKind() + "] " + statement;
            LongAdder[] adders = CALLS.computeIfAbsent(key, k -> new LongAdder[]{new LongAdder(), new LongAdder()});
            adders[0].increment();
            adders[1].add(System.nanoTime() - started);
        }
    }

    /** The caller's own thread, or which processor or container did the work in the background. */
    private static String threadKind() {
        String name = Thread.currentThread().getName();
        if (name.startsWith("main") || name.startsWith("bench")) {
            return CALLER;
        }
        int open = name.indexOf('[');
        int close = name.indexOf(']');
        if (open >= 0 && close > open) {
            return name.substring(open + 1, close);
        }
        return name.replaceAll("[-#0-9]+$", "");
    }

    /** Statements made on the thread that sent the command (or started the rebuild). */
    public static final String CALLER = "caller";

    private static String shorten(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 90 ? flat.substring(0, 90) : flat;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> face, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(target, method, args);
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(JdbcProfile.class.getClassLoader(), new Class<?>[]{face}, invocation);
    }
}
