import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements.js';
import type { ThrumeCallButton, ThrumeCallProvider } from '../../src/elements.js';
import { CallController } from '../../src/services/call-controller.js';
import { LoopbackHub } from '../../src/services/signaling/loopback.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';

const voice = (button: ThrumeCallButton) => button.shadowRoot!.querySelector<HTMLElement>('[part~="voice"]')!;

describe('<thrume-call-provider>', () => {
  it('renders its content and provides nothing without a hub or signaling', async () => {
    const el = await fixture<ThrumeCallProvider>(
      html`<thrume-call-provider><p>Conversation</p></thrume-call-provider>`,
    );
    expect(el.controller).to.equal(undefined);
    expect(el.textContent.trim()).to.equal('Conversation');
    await expect(el).to.be.accessible();
  });

  it('provides a controller it is handed to the elements inside', async () => {
    const controller = new ScriptedController(scene('active-voice'));
    const el = await fixture<ThrumeCallProvider>(html`<thrume-call-provider .controller=${controller}>
      <thrume-call-button callee-id="bob"></thrume-call-button>
    </thrume-call-provider>`);
    const button = el.querySelector('thrume-call-button')!;
    await button.updateComplete;
    expect(button.disabledReason).to.equal('You are already in a call.');
    controller.set(scene('idle'));
    await button.updateComplete;
    expect(button.disabledReason).to.equal('');
  });

  it('lets an element use its own controller instead', async () => {
    const own = new ScriptedController();
    const el =
      await fixture<ThrumeCallProvider>(html`<thrume-call-provider .controller=${new ScriptedController(scene('calling'))}>
      <thrume-call-button callee-id="bob" .controller=${own}></thrume-call-button>
    </thrume-call-provider>`);
    const button = el.querySelector('thrume-call-button')!;
    await button.updateComplete;
    voice(button).click();
    expect(own.intents).to.deep.equal(['initiateCall bob voice']);
  });

  it('creates and connects a controller over the signaling it is given, and disposes it when removed', async () => {
    const signaling = new LoopbackHub().connect({ id: 'a11ce000-0000-4000-8000-000000000001', name: 'A' });
    let disconnects = 0;
    const disconnect = signaling.disconnect.bind(signaling);
    signaling.disconnect = () => (disconnects++, disconnect());
    const el = await fixture<ThrumeCallProvider>(html`<thrume-call-provider .signaling=${signaling} .iceServers=${[]}>
      <thrume-call-button callee-id="b"></thrume-call-button>
    </thrume-call-provider>`);
    const created = el.controller as CallController;
    expect(created).to.be.instanceOf(CallController);
    await waitUntil(() => created.state.signaling === 'connected', 'never connected');
    const button = el.querySelector('thrume-call-button')!;
    await waitUntil(() => button.disabledReason === '', 'the button did not follow the controller');
    const parent = el.parentElement!;
    el.remove();
    await waitUntil(() => disconnects === 1, 'not disposed when removed'); // once the hub has heard any call end
    parent.append(el);
    await el.updateComplete;
    expect(el.controller).to.not.equal(created);
    await waitUntil(() => (el.controller as CallController).state.signaling === 'connected', 'not recreated');
    el.remove();
  });

  it('gives its strings to every element inside, which an element can override', async () => {
    const el = await fixture<ThrumeCallProvider>(html`<thrume-call-provider
      .controller=${new ScriptedController()}
      .strings=${{ voiceCall: () => 'Anrufen' }}
    >
      <thrume-call-button callee-id="bob" actions="voice"></thrume-call-button>
      <thrume-call-button callee-id="bob" actions="voice" .strings=${{ voiceCall: () => 'Appeler' }}></thrume-call-button>
    </thrume-call-provider>`);
    const [first, second] = el.querySelectorAll('thrume-call-button');
    await first.updateComplete;
    expect(voice(first).textContent.trim()).to.equal('Anrufen');
    expect(voice(second).textContent.trim()).to.equal('Appeler');
  });
});
