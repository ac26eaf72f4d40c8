package io.modelcompose.shared.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Every record exchanged over Kafka. JSON with a {@code type} discriminator and a {@code schemaVersion}; the Kafka key
 * is the run id ({@link #key()}), so all records of one run stay ordered in one partition.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunEvents.RunRequested.class, name = "RunRequested"),
    @JsonSubTypes.Type(value = RunEvents.RunCancelRequested.class, name = "RunCancelRequested"),
    @JsonSubTypes.Type(value = RunEvents.RunResumeRequested.class, name = "RunResumeRequested"),
    @JsonSubTypes.Type(value = RunEvents.RunStarted.class, name = "RunStarted"),
    @JsonSubTypes.Type(value = RunEvents.RunFinished.class, name = "RunFinished"),
    @JsonSubTypes.Type(value = RunEvents.RunState.class, name = "RunState"),
    @JsonSubTypes.Type(value = RunEvents.RunKeyClaimed.class, name = "RunKeyClaimed"),
    @JsonSubTypes.Type(value = JobEvents.JobDispatched.class, name = "JobDispatched"),
    @JsonSubTypes.Type(value = JobEvents.JobFinished.class, name = "JobFinished"),
    @JsonSubTypes.Type(value = JobEvents.JobHeartbeat.class, name = "JobHeartbeat"),
    @JsonSubTypes.Type(value = JobEvents.JobCancelRequested.class, name = "JobCancelRequested"),
    @JsonSubTypes.Type(value = JobEvents.TimerFired.class, name = "TimerFired"),
    @JsonSubTypes.Type(value = JobEvents.LeaseExpired.class, name = "LeaseExpired"),
    @JsonSubTypes.Type(value = StreamEvents.JobChunk.class, name = "JobChunk"),
    @JsonSubTypes.Type(value = SchedulerEvents.AttemptGranted.class, name = "AttemptGranted"),
    @JsonSubTypes.Type(value = SchedulerEvents.RunAdmitted.class, name = "RunAdmitted"),
    @JsonSubTypes.Type(value = SchedulerEvents.ReplayMarker.class, name = "ReplayMarker"),
    @JsonSubTypes.Type(value = ServiceHeartbeat.class, name = "ServiceHeartbeat"),
    @JsonSubTypes.Type(value = DeadLetter.class, name = "DeadLetter"),
    @JsonSubTypes.Type(value = AgentEvents.AgentCommand.class, name = "AgentCommand"),
    @JsonSubTypes.Type(value = AgentEvents.AgentEvent.class, name = "AgentEvent")
})
public sealed interface ComposeEvent permits RunEvents.RunRequested, RunEvents.RunCancelRequested, RunEvents.RunResumeRequested,
        RunEvents.RunStarted, RunEvents.RunFinished, RunEvents.RunState, RunEvents.RunKeyClaimed,
        JobEvents.JobDispatched,
        JobEvents.JobFinished, JobEvents.JobHeartbeat, JobEvents.JobCancelRequested, JobEvents.TimerFired,
        JobEvents.LeaseExpired, StreamEvents.JobChunk, SchedulerEvents.AttemptGranted,
        SchedulerEvents.RunAdmitted, SchedulerEvents.ReplayMarker, ServiceHeartbeat, DeadLetter, AgentEvents.AgentCommand, AgentEvents.AgentEvent {

    /** The schema version this code writes. Readers accept this version and older ones. */
    int CURRENT_SCHEMA_VERSION = 1;

    /** Schema version of the record (1). */
    int schemaVersion();

    /** The Kafka key: the run id, the instance id for service heartbeats, the host id for agent records. */
    String key();
}
