package cn.gov.wenzhou.kjj.support.projection;

import cn.gov.wenzhou.kjj.support.axon.EventProcessingProperties;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * Runs each projection event handler inside a savepoint of the processor's transaction, so that a handler that
 * fails can be parked without losing the batch. PostgreSQL aborts the whole transaction at the first failed statement
 * ({@code bigint out of range}, a constraint): without the savepoint, storing the parked event in the same transaction
 * fails too, the batch rolls back, and the projection stops on that event for good. Rolled back to the savepoint, the
 * failed event leaves no trace, the events before it in the batch stay applied, and the dead-letter queue can record it.
 *
 * <p>JPA handlers are flushed before the savepoint (so earlier events' pending writes are not caught in it) and after
 * the handler (so its own writes fail inside it); after a failure the persistence context is cleared, since it may
 * hold the failed handler's changes. Costs two statements per event; applied only to the processing groups that
 * park ({@link EventProcessingProperties.Parking}), never to aggregates or sagas.
 */
public class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EntityManagerFactory> entityManagerFactory;
    private final EventProcessingProperties.Parking parking;

    public SavepointPerEvent(ObjectProvider<DataSource> dataSource,
                             ObjectProvider<EntityManagerFactory> entityManagerFactory,
                             EventProcessingProperties.Parking parking) {
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.parking = parking;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.hasAnnotation(EventHandler.class)
                || original.hasAnnotation(EventSourcingHandler.class)
                || original.hasAnnotation(SagaEventHandler.class)) {
            return original;
        }
        ProcessingGroup group = AnnotationUtils.findAnnotation(original.declaringClass(), ProcessingGroup.class);
        if (group == null || !parking.parks(group.value())) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return inSavepoint(() -> super.handle(message, target));
            }
        };
    }

    private interface Handling {
        Object run() throws Exception;
    }

    private Object inSavepoint(Handling handling) throws Exception {
        DataSource source = dataSource.getIfAvailable();
        if (source == null || !TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(source)) {
            return handling.run();
        }
        EntityManager entityManager = transactionalEntityManager();
        flush(entityManager);
        Connection connection = DataSourceUtils.getConnection(source);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                Object result = handling.run();
                flush(entityManager);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (Exception | Error failure) {
                connection.rollback(savepoint);
                if (entityManager != null) {
                    entityManager.clear();
                }
                throw failure;
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, source);
        }
    }

    private EntityManager transactionalEntityManager() {
        EntityManagerFactory factory = entityManagerFactory.getIfAvailable();
        return factory == null ? null : EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
    }

    private static void flush(EntityManager entityManager) {
        if (entityManager != null) {
            entityManager.flush();
        }
    }
}
