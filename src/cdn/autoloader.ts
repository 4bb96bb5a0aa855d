// The CDN build's autoloader (dist/cdn/autoloader.js): defines each element the first time its tag is
// in the page, loading that element's module alone from beside this file, as Shoelace's autoloader does.
import { ContextRoot } from '@lit/context';

const tags = ['thrume-call-provider', 'thrume-call-button', 'thrume-incoming-call', 'thrume-active-call'];
const selector = tags.join(',');
const loading = new Set<string>();

// Elements load in any order: a call element defined before its provider asks for the controller
// before anyone answers, so the root holds such requests until the provider is defined.
new ContextRoot().attach(document.documentElement);

function define(tag: string): void {
  if (loading.has(tag) || customElements.get(tag)) return;
  loading.add(tag);
  import(new URL(`./components/${tag}.js`, import.meta.url).href).catch((error: unknown) => {
    loading.delete(tag); // the next time the tag appears, it tries again
    console.error(`Thrume Calls: could not load <${tag}>.`, error);
  });
}

function discover(root: Element | Document): void {
  if (root instanceof Element && tags.includes(root.localName)) define(root.localName);
  root.querySelectorAll(selector).forEach((element) => define(element.localName));
}

discover(document);
new MutationObserver((records) => {
  for (const record of records) record.addedNodes.forEach((node) => node instanceof Element && discover(node));
}).observe(document.documentElement, { childList: true, subtree: true });
