import { expect, fixture, html } from '@open-wc/testing';
import { nothing, type TemplateResult } from 'lit';
import '../../src/elements.js';
import type { CallElement } from '../../src/elements.js';
import { defaultStrings, type CallStrings } from '../../src/strings.js';
import { loadLocale, registerLocale } from '../../src/locale.js';
import { formatDuration, spokenDuration } from '../../src/components/thrume-active-call/call-summary.js';
import { endReasons, initialCallState, type CallState } from '../../src/services/call-state.js';
import { callErrorCodes } from '../../src/services/errors.js';
import { ScriptedController, scene } from '../../src/testing/scripted-controller.js';
import { canvasTrack, oscillatorTrack } from '../../src/testing/synthetic-media.js';
import ar from '../../src/locales/ar.js';
import de from '../../src/locales/de.js';
import es from '../../src/locales/es.js';
import fr from '../../src/locales/fr.js';
import pl from '../../src/locales/pl.js';
import uk from '../../src/locales/uk.js';

const locales: Record<string, CallStrings> = { ar, de, es, fr, pl, uk };
const name = 'Bob Marsh';
const part = (el: Element, p: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${p}"]`);

/** Every string as a person meets it: functions called with a name and without, both call types. */
function texts(strings: CallStrings): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === 'string') out.set(key, value);
    else if (typeof value === 'function') {
      for (const who of [name, ''])
        for (const type of ['voice', 'video'])
          out.set(`${key}(${who},${type})`, (value as (who: string, type: string) => string)(who, type));
    } else for (const [sub, text] of Object.entries(value as Record<string, string>)) out.set(`${key}.${sub}`, text);
  }
  return out;
}

/** What an element shows or announces: its text and its labels, through every shadow root. */
function rendered(root: Node): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) found.push(node.textContent!.trim());
    if (node instanceof Element) {
      for (const attribute of ['aria-label', 'title', 'alt', 'aria-description', 'placeholder']) {
        const value = node.getAttribute(attribute);
        if (value) found.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return found;
}

const media = () => ({
  local: new MediaStream([oscillatorTrack(), canvasTrack('me')]),
  remote: new MediaStream([oscillatorTrack(), canvasTrack('them')]),
});
const device = (kind: MediaDeviceKind, id: string) =>
  ({ kind, deviceId: id, label: '', groupId: 'g', toJSON: () => ({}) }) as MediaDeviceInfo;
const devices: CallState['devices'] = {
  ...initialCallState.devices,
  microphones: [device('audioinput', 'm1')],
  cameras: [device('videoinput', 'c1')],
  speakers: [device('audiooutput', 's1')],
  canChooseSpeaker: true,
};

/** Every state each element can show a person, with the strings it is expected to show. */
function states(): [string, TemplateResult, Partial<CallState>][] {
  const button = html`<thrume-call-button callee-id="bob" callee-name=${name} show-labels></thrume-call-button>`;
  const incoming = html`<thrume-incoming-call silent></thrume-incoming-call>`;
  const active = html`<thrume-active-call silent></thrume-active-call>`;
  const live = { remoteControls: { muted: true, cameraOn: true, screenSharing: true }, devices };
  return [
    ['a call button', button, {}],
    ['a call button while offline', button, { signaling: 'disconnected' }],
    ['a call button during a call', button, { status: 'active' }],
    ['a call button while one rings', button, { status: 'incoming' }],
    ['a video call ringing', incoming, scene('incoming-video')],
    ['a voice call ringing', incoming, scene('incoming-voice')],
    ['a call being placed', active, scene('calling', { media: media() })],
    ['a video call', active, { ...scene('active-video', { media: media() }), ...live }],
    ['a voice call', active, { ...scene('active-voice', { media: media() }), ...live }],
    ['a screen share', active, { ...scene('screen-sharing', { media: media() }), ...live }],
    ['a call reconnecting', active, scene('reconnecting', { media: media() })],
    ...endReasons.map((reason): [string, TemplateResult, Partial<CallState>] => [
      `a call ended (${reason})`,
      active,
      scene('ended', { reason }),
    ]),
    ...callErrorCodes.map((error): [string, TemplateResult, Partial<CallState>] => [
      `an error (${error})`,
      active,
      scene('active-video', { error }),
    ]),
  ];
}

async function show(
  lang: string,
  template: TemplateResult,
  patch: Partial<CallState>,
  dir = lang === 'ar' ? 'rtl' : nothing,
) {
  const controller = new ScriptedController(patch);
  const root = await fixture<HTMLDivElement>(html`<div lang=${lang} dir=${dir}>${template}</div>`);
  const el = root.firstElementChild as CallElement;
  el.controller = controller;
  await el.updateComplete;
  return el;
}

afterEach(() =>
  document
    .querySelectorAll('video, audio')
    .forEach((m) => ((m as HTMLMediaElement).srcObject as MediaStream | null)?.getTracks().forEach((t) => t.stop())),
);

describe('locales', () => {
  for (const [code, strings] of Object.entries(locales)) {
    it(`${code} has every string English has, translated, and nothing else`, () => {
      const english = texts(defaultStrings);
      const translated = texts(strings);
      expect([...translated.keys()]).to.deep.equal([...english.keys()]);
      for (const [key, text] of translated) expect(text.trim(), `${code} ${key}`).not.to.equal('');
      // Modifier keys keep their English names on most keyboards.
      for (const [key, text] of translated)
        if (!key.startsWith('keys.')) expect(text, `${code} ${key} is English`).not.to.equal(english.get(key));
      for (const [key, text] of translated)
        if (key.includes(`(${name},`)) expect(text, `${code} ${key}`).to.include(name);
    });

    it(`${code}: every element, in every state, shows no English`, async () => {
      await loadLocale(code);
      const translated = new Set(texts(strings).values());
      // What a translation shares with English (a key's name) is no leak.
      const english = [...new Set(texts(defaultStrings).values())].filter((text) => !translated.has(text));
      const word = (text: string) =>
        new RegExp(`(?<![\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
      const patterns = english.map((text) => [text, word(text)] as const);
      for (const [state, template, patch] of states()) {
        const el = await show(code, template, patch);
        const shown = rendered(el);
        expect(
          shown.some((text) => translated.has(text) || [...translated].some((t) => text.includes(t))),
          `${state}: nothing translated`,
        ).to.equal(true);
        for (const text of shown)
          for (const [leak, pattern] of patterns)
            expect(pattern.test(text), `${state} in ${code} shows "${leak}" in "${text}"`).to.equal(false);
      }
    });
  }

  it('follows the nearest lang: the element, an ancestor, <html>, across shadow roots; English otherwise', async () => {
    await Promise.all(['de', 'fr', 'es'].map(loadLocale));
    const label = (el: Element) => part(el, 'video')!.getAttribute('title');
    const controller = new ScriptedController();
    const root = await fixture<HTMLDivElement>(html`<div lang="de">
      <thrume-call-button id="own" lang="fr" .controller=${controller}></thrume-call-button>
      <thrume-call-button id="ancestor" .controller=${controller}></thrume-call-button>
      <div id="host"></div>
    </div>`);
    const host = root.querySelector('#host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<thrume-call-button></thrume-call-button>';
    const inside = host.shadowRoot!.querySelector('thrume-call-button') as CallElement;
    inside.controller = controller;
    await inside.updateComplete;
    expect(label(root.querySelector('#own')!)).to.equal(fr.videoCall(''));
    expect(label(root.querySelector('#ancestor')!)).to.equal(de.videoCall(''));
    expect(label(inside)).to.equal(de.videoCall(''));

    const html_ = document.documentElement;
    const before = html_.getAttribute('lang');
    root.removeAttribute('lang');
    try {
      html_.setAttribute('lang', 'es');
      await new Promise((r) => setTimeout(r));
      await (root.querySelector('#ancestor') as CallElement).updateComplete;
      expect(label(root.querySelector('#ancestor')!)).to.equal(es.videoCall(''));
      html_.setAttribute('lang', 'ja');
      await new Promise((r) => setTimeout(r));
      expect(label(root.querySelector('#ancestor')!)).to.equal(defaultStrings.videoCall(''));
    } finally {
      if (before === null) html_.removeAttribute('lang');
      else html_.setAttribute('lang', before);
    }
  });

  it('renders again when an ancestor changes language, loading the new one on demand', async () => {
    const el = await show('de', html`<thrume-active-call silent></thrume-active-call>`, scene('calling'));
    expect(part(el, 'status')!.textContent).to.equal(de.calling(name));
    el.parentElement!.lang = 'pl';
    await waitFor(() => part(el, 'status')!.textContent === pl.calling(name));
  });

  it('takes a region from its language, and a region registered with only what differs', async () => {
    await loadLocale('de');
    registerLocale('de-ch', { close: 'Schliessen' });
    const el = await show('de-CH', html`<thrume-incoming-call silent></thrume-incoming-call>`, scene('incoming-video'));
    expect(part(el, 'accept')!.textContent.trim()).to.equal(de.accept);
    const at = await show('de-AT', html`<thrume-incoming-call silent></thrume-incoming-call>`, scene('incoming-video'));
    expect(part(at, 'accept')!.textContent.trim()).to.equal(de.accept);
    const strings = (el as unknown as { text: CallStrings }).text;
    expect(strings.close).to.equal('Schliessen');
    expect(strings.decline).to.equal(de.decline);
  });

  it('a language registered by the page, and replacement strings over any language', async () => {
    registerLocale('nl', async () => ({ default: { accept: 'Opnemen' } }));
    const el = await show('nl', html`<thrume-incoming-call silent></thrume-incoming-call>`, scene('incoming-video'));
    await waitFor(() => part(el, 'accept')!.textContent.trim() === 'Opnemen');
    expect(part(el, 'decline')!.textContent.trim()).to.equal(defaultStrings.decline);
    await loadLocale('fr');
    const own = await show(
      'fr',
      html`<thrume-incoming-call silent .strings=${{ accept: 'Décrocher' }}></thrume-incoming-call>`,
      scene('incoming-video'),
    );
    expect(part(own, 'accept')!.textContent.trim()).to.equal('Décrocher');
    expect(part(own, 'decline')!.textContent.trim()).to.equal(fr.decline);
  });

  it('a translation that cannot load leaves English and one clear error, and loadLocale tries again', async () => {
    let attempts = 0;
    registerLocale('xx', () =>
      attempts++ ? Promise.resolve({ default: { accept: 'Xccept' } }) : Promise.reject(new Error('offline')),
    );
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const el = await show('xx', html`<thrume-incoming-call silent></thrume-incoming-call>`, scene('incoming-video'));
      await waitFor(() => errors.length > 0);
      for (let i = 0; i < 3; i++) (el.requestUpdate(), await el.updateComplete);
      expect(errors.length, 'one error, not one per render').to.equal(1);
      expect(String(errors[0][0])).to.include('"xx"');
      expect(part(el, 'accept')!.textContent.trim()).to.equal(defaultStrings.accept);
      await loadLocale('xx');
      await waitFor(() => part(el, 'accept')!.textContent.trim() === 'Xccept');
      expect(attempts).to.equal(2);
    } finally {
      console.error = original;
    }
  });

  it('durations in the language’s clock, through Intl.DurationFormat or the same shape without it', () => {
    for (const lang of ['en', 'de', 'ar', 'uk']) {
      expect(formatDuration(42_000, lang, null)).to.equal(formatDuration(42_000, lang));
      expect(formatDuration(3_725_000, lang, null)).to.equal(formatDuration(3_725_000, lang));
    }
    expect(formatDuration(42_000, 'en', null)).to.equal('00:42');
    expect(formatDuration(3_725_000, 'de', null)).to.equal('1:02:05');
    // In words, each unit in its plural form by CLDR's rules (Polish has three), with or without DurationFormat.
    for (const format of [null, undefined]) {
      expect(spokenDuration(125_000, 'en', format)).to.equal('2 minutes, 5 seconds');
      expect(spokenDuration(125_000, 'pl', format)).to.match(/^2 minuty\W+(i )?5 sekund$/);
      expect(spokenDuration(301_000, 'pl', format)).to.match(/^5 minut\W+(i )?1 sekunda$/);
      expect(spokenDuration(3_600_000, 'de', format)).to.equal('1 Stunde');
      expect(spokenDuration(0, 'uk', format)).to.equal('0 секунд');
    }
    const two = new Intl.NumberFormat('ar-EG', { minimumIntegerDigits: 2 });
    expect(formatDuration(65_000, 'ar-EG', null)).to.equal(`${two.format(1)}:${two.format(5)}`);
  });

  describe('in Arabic, right to left', () => {
    before(() => loadLocale('ar'));
    for (const [state, template, patch] of states().slice(0, 10)) {
      it(`${state} is accessible`, async () => {
        const el = await show('ar', template, patch);
        await expect(el).to.be.accessible();
      });
    }

    it('mirrors the controls and the self view’s corner, and not the media', async () => {
      const ltr = await show(
        'en',
        html`<thrume-active-call silent></thrume-active-call>`,
        scene('active-video', { media: media() }),
      );
      const rtl = await show(
        'ar',
        html`<thrume-active-call silent></thrume-active-call>`,
        scene('active-video', { media: media() }),
      );
      const x = (el: Element, p: string) => part(el, p)!.getBoundingClientRect().left;
      expect(x(ltr, 'microphone')).to.be.below(x(ltr, 'hang-up'));
      expect(x(rtl, 'microphone')).to.be.above(x(rtl, 'hang-up'));
      const side = (el: Element) => {
        const stage = part(el, 'stage')!.getBoundingClientRect();
        const inset = part(el, 'inset')!.getBoundingClientRect();
        return inset.left + inset.width / 2 < stage.left + stage.width / 2 ? 'left' : 'right';
      };
      expect(side(ltr)).to.equal('right');
      expect(side(rtl)).to.equal('left');
      for (const p of ['remote-video', 'local-video']) {
        expect(getComputedStyle(part(rtl, p)!).transform, p).to.equal(getComputedStyle(part(ltr, p)!).transform);
      }
    });
  });
});

async function waitFor(condition: () => boolean, ms = 3000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
