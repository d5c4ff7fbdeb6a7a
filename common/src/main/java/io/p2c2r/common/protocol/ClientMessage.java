package io.p2c2r.common.protocol;

/** A message a peer or gamer sends to the coordinator. */
public sealed interface ClientMessage extends Message
        permits RegisterPeer, RegisterGamer, SubmitTask, PeerTaskResult, Heartbeat, GetTask, CancelTask, Capacity, ReleaseTask {
}
