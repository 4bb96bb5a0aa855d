// One connection to a LoopbackHub, speaking the Signaling interface.
import { Emitter } from '../emitter.js';
import { CallError } from '../errors.js';
import type { CallType } from '../call-state.js';
import type { IceServerList } from '../ice-servers.js';
import type { LoopbackHub, LoopbackUser } from './loopback.js';
import {
  baselineHubInfo,
  parseCandidate,
  parseDescription,
  parseEndReason,
  parseIncomingCall,
  type HubInfo,
  type RejoinResult,
  type Signaling,
  type SignalingEvents,
} from './signaling.js';

export class LoopbackSignaling implements Signaling {
  readonly events = new Emitter<SignalingEvents>();
  hubInfo: HubInfo = baselineHubInfo;
  private connected = false;
  private lastRingingId: string | null = null;

  constructor(
    private readonly hub: LoopbackHub,
    readonly user: LoopbackUser,
  ) {}

  async connect(): Promise<HubInfo> {
    await this.tick();
    this.hub.attach(this);
    this.connected = true;
    this.hubInfo = this.hub.info;
    this.events.emit('status', { status: 'connected' });
    return this.hubInfo;
  }

  async disconnect(): Promise<void> {
    this.drop();
    this.events.emit('status', { status: 'disconnected' });
  }

  /** Simulates SignalR's automatic reconnect: the hub sees this connection close and a new one open. */
  async simulateReconnect(downMs = 0): Promise<void> {
    this.drop();
    this.events.emit('status', { status: 'reconnecting' });
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.hub.attach(this);
    this.connected = true;
    this.events.emit('status', { status: 'connected' });
  }

  async initiateCall(calleeId: string, callType: CallType, conversationId: string): Promise<string | null> {
    const result = await this.invoke('InitiateCallAsync', calleeId, callType, conversationId);
    return typeof result === 'string' ? result : this.lastRingingId;
  }

  async acceptCall(callId: string): Promise<void> {
    await this.invoke('AcceptCallAsync', callId);
  }

  async rejectCall(callId: string, reason: string | null): Promise<void> {
    await this.invoke('RejectCallAsync', callId, reason);
  }

  async endCall(callId: string): Promise<void> {
    await this.invoke('EndCallAsync', callId);
  }

  async rejoinCall(callId: string): Promise<RejoinResult> {
    return (await this.invoke('RejoinCallAsync', callId)) as RejoinResult;
  }

  async sendDescription(callId: string, description: RTCSessionDescriptionInit): Promise<void> {
    const method = description.type === 'offer' ? 'SendOfferAsync' : 'SendAnswerAsync';
    await this.invoke(method, callId, JSON.stringify({ type: description.type, sdp: description.sdp }));
  }

  async sendCandidate(callId: string, candidate: RTCIceCandidateInit): Promise<void> {
    await this.invoke('SendIceCandidateAsync', callId, JSON.stringify(candidate));
  }

  async iceServers(): Promise<IceServerList | null> {
    return null;
  }

  /** @internal The hub pushes a client event, after the hub's latency. */
  deliver(event: string, args: readonly unknown[]): void {
    setTimeout(() => this.connected && this.receive(event, args), this.hub.latency);
  }

  private async invoke(method: string, ...args: unknown[]): Promise<unknown> {
    if (!this.connected) throw new CallError('NETWORK_ERROR', 'Not connected to the call hub (Disconnected).');
    await this.tick();
    try {
      return this.hub.invoke(this, method, args);
    } finally {
      await this.tick(); // the completion, result or error, arrives after the events the invocation caused
    }
  }

  private receive(event: string, args: readonly unknown[]): void {
    const [id, payload] = args as [string, unknown];
    switch (event) {
      case 'IncomingCall':
        return this.events.emit('incomingCall', parseIncomingCall(args[0])!);
      case 'CallRinging':
        this.lastRingingId = id;
        return;
      case 'CallAccepted':
        return this.events.emit('callAccepted', { callId: id });
      case 'CallRejected':
        return this.events.emit('callRejected', { callId: id, reason: (payload as string | null) ?? null });
      case 'CallEnded':
        return this.events.emit('callEnded', { callId: id, reason: parseEndReason(payload) });
      case 'ReceiveOffer':
      case 'ReceiveAnswer':
        return this.events.emit('description', { callId: id, description: parseDescription(payload)! });
      case 'ReceiveIceCandidate':
        return this.events.emit('candidate', { callId: id, candidate: parseCandidate(payload)! });
    }
  }

  private drop(): void {
    if (!this.connected) return;
    this.connected = false;
    this.hub.detach(this);
  }

  private tick(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.hub.latency));
  }
}
