// How elements find the call controller: the provider provides it once through @lit/context, and
// CallBinding re-renders its host on every `change` of whichever controller the host uses.
import { createContext, ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallController } from './services/call-controller.js';
import { initialCallState, type CallState } from './services/call-state.js';

/** What the elements need of a call controller; a `CallController` is one, and so is a story's scripted double. */
export type CallHandle = Pick<
  CallController,
  | 'state'
  | 'initiateCall'
  | 'acceptCall'
  | 'rejectCall'
  | 'endCall'
  | 'toggleMute'
  | 'toggleCamera'
  | 'toggleScreenShare'
  | 'selectMicrophone'
  | 'selectCamera'
  | 'selectSpeaker'
  | 'dismiss'
> &
  Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export const callContext = createContext<CallHandle | undefined>(Symbol('thrume-call-controller'));

/** An element that can be handed a controller directly, overriding the provided one. */
export interface CallBindingHost extends ReactiveControllerHost, HTMLElement {
  controller?: CallHandle;
}

/** Binds a host element to the call controller: the one set on it, else the one provided. */
export class CallBinding implements ReactiveController {
  private provided?: CallHandle;
  private bound?: CallHandle;
  private readonly update = () => this.host.requestUpdate();

  constructor(private readonly host: CallBindingHost) {
    new ContextConsumer(host, {
      context: callContext,
      subscribe: true,
      callback: (controller) => {
        this.provided = controller;
        this.bind();
      },
    });
    host.addController(this);
  }

  /** The controller in use, or undefined when there is none yet. */
  get controller(): CallHandle | undefined {
    return this.host.controller ?? this.provided;
  }

  /** The controller's snapshot, or the idle state when there is no controller. */
  get state(): CallState {
    return this.controller?.state ?? initialCallState;
  }

  hostConnected(): void {
    this.bind();
  }

  hostUpdate(): void {
    this.bind();
  }

  hostDisconnected(): void {
    this.bound?.removeEventListener('change', this.update);
    this.bound = undefined;
  }

  private bind(): void {
    const controller = this.controller;
    if (controller === this.bound || !this.host.isConnected) return;
    this.bound?.removeEventListener('change', this.update);
    this.bound = controller;
    controller?.addEventListener('change', this.update);
    this.host.requestUpdate();
  }
}
