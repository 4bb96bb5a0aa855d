// What every call element shares: the controller it uses (its own, or the provided one), its strings
// in its language, and how a user's action reaches the controller.
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { CallBinding, type CallHandle } from '../context.js';
import { resolveStrings, stringsContext, type CallStrings } from '../strings.js';
import { LocaleController } from '../locale.js';

export abstract class CallElement extends LitElement {
  /** A call controller to use instead of the one a `<thrume-call-provider>` provides. */
  @property({ attribute: false }) controller?: CallHandle;

  /** Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. */
  @property({ attribute: false }) strings?: Partial<CallStrings>;

  @consume({ context: stringsContext, subscribe: true })
  @state()
  private providedStrings?: Partial<CallStrings>;

  protected readonly binding = new CallBinding(this);
  protected readonly locale = new LocaleController(this);

  /** The strings in effect: this element's own, over the provider's, over its language's, over English. */
  protected get text(): CallStrings {
    return resolveStrings(this.strings, this.providedStrings, this.locale.lang);
  }

  /**
   * Fires a user's intent and, unless a listener prevented it, has the controller act on it. A failure
   * needs nothing more here: the controller reports every one in `state.error` and its `error` event.
   */
  protected async request(intent: Event, act: (controller: CallHandle) => unknown): Promise<void> {
    const controller = this.binding.controller;
    if (!controller || !this.dispatchEvent(intent)) return;
    try {
      await act(controller);
    } catch {
      // shown from state.error
    }
  }
}
