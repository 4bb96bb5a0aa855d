// The CDN build's one file (dist/cdn/thrume-calls.js): Lit, SignalR and the kit in one module that
// defines every element when loaded, and exports the kit's API for the page's own scripts.
export * from '../index.js';
export * from '../elements.js';
