// The language an element speaks: the `lang` of the element or of its nearest ancestor, across shadow
// roots, up to <html>; English where none is set. A translation loads the first time an element needs
// it, and every connected element renders again when one arrives or a `lang` in the document changes.
// Right to left needs no script: `dir` sets the CSS direction the elements' logical layout follows.
// Why not @shoelace-style/localize: it reads only the element's own `lang` and <html>'s, and its
// registry is shared with every other library on the page that uses it, whose first language
// registered becomes everyone's fallback.
import type { ReactiveController, ReactiveElement } from 'lit';
import type { CallStrings } from './strings.js';

type Translation = Partial<CallStrings>;
type Loader = () => Promise<{ default: Translation }>;

const loaders = new Map<string, Loader>([
  ['ar', () => import('./locales/ar.js')],
  ['de', () => import('./locales/de.js')],
  ['es', () => import('./locales/es.js')],
  ['fr', () => import('./locales/fr.js')],
  ['pl', () => import('./locales/pl.js')],
  ['uk', () => import('./locales/uk.js')],
]);
const loaded = new Map<string, Translation>();
const pending = new Map<string, Promise<void>>();
const failed = new Set<string>();
/** How long after a failed load the next render tries again (loadLocale tries at once). */
const retryMs = 15_000;
const hosts = new Set<ReactiveElement>();
let observer: MutationObserver | undefined;

/**
 * Adds or replaces a language: its strings, or a function that imports them. A region (`de-ch`) needs
 * only the strings that differ from its language (`de`); anything missing falls back to English.
 */
export function registerLocale(code: string, strings: Translation | Loader): void {
  const key = code.toLowerCase();
  pending.delete(key);
  failed.delete(key);
  loaded.delete(key);
  if (typeof strings === 'function') loaders.set(key, strings);
  else loaded.set(key, strings);
  refresh();
}

/** Loads a language's strings now, say before the first element renders, so that English never shows. */
export function loadLocale(lang: string): Promise<void> {
  return Promise.all(chain(lang).flatMap((code) => load(code, true) ?? [])).then(() => undefined);
}

/** The nearest `lang`: the element's, an ancestor's (crossing shadow roots), <html>'s, else English. */
export function languageOf(element: Element): string {
  for (let node: Element | null = element; node;) {
    const owner = node.closest('[lang]');
    if (owner) return owner.getAttribute('lang')!.toLowerCase() || 'en';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return 'en';
}

/** The translation in effect for a language, region over language; loads what is missing. */
export function translationFor(lang: string): Translation {
  const strings = chain(lang).map((code) => (load(code), loaded.get(code)));
  return Object.assign({}, ...strings) as Translation;
}

/** `de-ch` gives `de` then `de-ch`: the language first, so that the region's strings win. */
function chain(lang: string): string[] {
  const [language, ...rest] = lang.toLowerCase().replace(/_/g, '-').split('-');
  return rest.length ? [language, lang.toLowerCase()] : [language];
}

function load(code: string, now = false): Promise<void> | undefined {
  const loader = loaders.get(code);
  if (loaded.has(code) || !loader || (failed.has(code) && !now)) return;
  if (failed.delete(code)) pending.delete(code);
  const loading: Promise<void> =
    pending.get(code) ??
    loader().then(
      (module) => {
        if (pending.get(code) === loading) {
          // not registered again meanwhile
          loaded.set(code, module.default);
          refresh();
        }
      },
      (error: unknown) => {
        failed.add(code); // English meanwhile; tried again later, not on every render
        setTimeout(() => failed.delete(code) && (pending.delete(code), refresh()), retryMs);
        console.error(`Thrume Calls: could not load the "${code}" strings; English is shown until they load.`, error);
      },
    );
  pending.set(code, loading);
  return loading;
}

function refresh(): void {
  hosts.forEach((host) => host.requestUpdate());
}

/** Has its element render again when its language changes or its translation arrives. */
export class LocaleController implements ReactiveController {
  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    if (observer) return; // one observer for the whole document, made with the first element
    observer = new MutationObserver(refresh);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  get lang(): string {
    return languageOf(this.host);
  }
}
