// Relay of offers, answers and ICE candidates, and UpdateCallStatusAsync. Only the two bound
// connections of a connected call may signal. Baseline: offers caller to callee, answers callee to
// caller, and refusals are silent (Thrume's signaling methods fail silently). Extensions: both
// directions, and refusals reach the sender as CallError.

import { clientEvents } from '../names.ts';
import { iceCandidateOf, parseCallStatus, sessionDescriptionOf } from '../payloads.ts';
import { canTransition } from '../values.ts';
import { CallRefusal, isBound, type CallRules } from './call-rules.ts';
import type { ConnectionInfo } from './hub-definition.ts';
import type { Call } from './model.ts';

export type SignalKind = 'offer' | 'answer' | 'candidate';

const events: Readonly<Record<SignalKind, string>> = {
  offer: clientEvents.receiveOffer,
  answer: clientEvents.receiveAnswer,
  candidate: clientEvents.receiveIceCandidate,
};

/** Told of each refusal that the baseline keeps from the sender. */
export type QuietRefusal = (from: ConnectionInfo, refusal: CallRefusal, kind: SignalKind | 'status') => void;

export class CallSignals {
  constructor(
    private readonly rules: CallRules,
    private readonly quietRefusal: QuietRefusal = () => {},
  ) {}

  /**
   * Relays an offer, answer or candidate to the other bound connection. A relay changes nothing, and
   * every change to a call is one atomic step, so it reads the call without taking the call's lock
   * (a connection's invocations run one at a time, so its relays keep their order). With a store that
   * answers at once it finishes synchronously.
   */
  relay(
    kind: SignalKind,
    from: ConnectionInfo,
    callIdArg: string | null,
    payload: string | null,
  ): void | Promise<void> {
    const { calls } = this.rules.options;
    if (calls.peek === undefined) {
      return this.refusingQuietlyInBaseline(from, kind, async () => {
        const call = await calls.get(this.rules.normalizedCallId(callIdArg));
        if (call === null) throw new CallRefusal('not-found');
        this.relayOn(call, kind, from, payload);
      });
    }
    try {
      // Call ids are stored normalized: an id that is found as given needs no normalizing.
      const call =
        (callIdArg === null ? null : calls.peek(callIdArg)) ?? calls.peek(this.rules.normalizedCallId(callIdArg));
      if (call === null) throw new CallRefusal('not-found');
      this.relayOn(call, kind, from, payload);
    } catch (error) {
      if (!(error instanceof CallRefusal && !this.rules.options.extensions)) throw error;
      this.quietRefusal(from, error, kind);
    }
  }

  private relayOn(call: Call, kind: SignalKind, from: ConnectionInfo, payload: string | null): void {
    const other = boundPeer(call, from.connectionId);
    if (call.status !== 'Connected') throw new CallRefusal('not-connected');
    if (!this.rules.options.extensions) {
      const fromCaller = from.connectionId === call.callerConnectionId;
      if ((kind === 'offer' && !fromCaller) || (kind === 'answer' && fromCaller)) throw new CallRefusal('direction');
    }
    const valid =
      kind === 'candidate'
        ? iceCandidateOf(payload)
        : sessionDescriptionOf(payload, kind === 'offer' ? ['offer'] : ['answer', 'pranswer']);
    if (valid === null) throw new CallRefusal('invalid-payload');
    this.rules.send(other, events[kind], [call.id, payload]);
    this.rules.options.observe?.({ type: 'relay', signal: kind });
  }

  /**
   * UpdateCallStatusAsync(callId, status). The same status again is accepted and changes nothing
   * (ConnectedAt is never rewritten); Ended and Failed end the call and tell the other side;
   * every other status is reached only through the hub's own methods, so it is refused here.
   */
  async updateStatus(from: ConnectionInfo, callIdArg: string | null, statusArg: string | null): Promise<void> {
    await this.refusingQuietlyInBaseline(from, 'status', async () => {
      const status = parseCallStatus(statusArg);
      if (status === null) throw new CallRefusal('invalid-status');
      const terminal = await this.rules.withCall(callIdArg, async (call) => {
        if (!isBound(call, from.connectionId)) throw new CallRefusal('not-bound');
        if (status === call.status) return false;
        // Connected, Rejected and Missed are reached only through accept, reject and the ring timeout.
        if ((status !== 'Ended' && status !== 'Failed') || !canTransition(call.status, status)) {
          throw new CallRefusal('invalid-transition');
        }
        return true;
      });
      if (terminal) await this.rules.end(from, callIdArg, status === 'Failed' ? 'Failed' : 'Ended');
    });
  }

  private async refusingQuietlyInBaseline(
    from: ConnectionInfo,
    kind: SignalKind | 'status',
    task: () => Promise<void>,
  ): Promise<void> {
    try {
      await task();
    } catch (error) {
      if (!(error instanceof CallRefusal) || this.rules.options.extensions) throw error;
      this.quietRefusal(from, error, kind);
    }
  }
}

/** The other bound connection of `call`, when `connectionId` is one of its two bound connections. */
function boundPeer(call: Call, connectionId: string): string {
  if (!isBound(call, connectionId)) throw new CallRefusal('not-bound');
  const other = connectionId === call.callerConnectionId ? call.calleeConnectionId : call.callerConnectionId;
  if (other === null) throw new CallRefusal('not-connected');
  return other;
}
