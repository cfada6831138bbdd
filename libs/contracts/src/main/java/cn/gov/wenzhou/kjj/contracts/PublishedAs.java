package cn.gov.wenzhou.kjj.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where and under which CloudEvents type an integration event is published.
 * The CloudEvents {@code ce_type} is {@code cn.gov.wenzhou.kjj.<topic stream>.<name>}, for example
 * {@code cn.gov.wenzhou.kjj.registry.platform.v1.PlatformRegistered}: the topic's major version is part of the type,
 * so a breaking change is a new topic and a new type, never an in-place edit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublishedAs {

    /** The Kafka topic, {@code <context>.<stream>.v<major>}; one of {@link Topics}. */
    String topic();

    /** The event's name within the topic, past tense. */
    String name();
}
