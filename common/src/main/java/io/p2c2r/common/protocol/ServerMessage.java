package io.p2c2r.common.protocol;

/** A message the coordinator sends to a peer or gamer. */
public sealed interface ServerMessage extends Message
        permits Registered, ExecuteTask, TaskAccepted, GamerTaskResult, ResultAccepted, ErrorMessage, TaskCorrected, TaskProgress {
}
