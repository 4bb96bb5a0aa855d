// Registers every Thrume element. Import this (or one element's own file) once in the page.
export { ThrumeCallProvider } from './components/thrume-call-provider/thrume-call-provider.js';
export { ThrumeCallButton, callActions, type CallAction } from './components/thrume-call-button/thrume-call-button.js';
export { ThrumeIncomingCall } from './components/thrume-incoming-call/thrume-incoming-call.js';
export {
  ThrumeActiveCall,
  overlayModes,
  type OverlayMode,
} from './components/thrume-active-call/thrume-active-call.js';
export {
  defaultShortcuts,
  shortcutActions,
  type CallShortcuts,
  type ShortcutAction,
} from './components/thrume-active-call/shortcut-keys.js';
export type { CallElement } from './components/call-element.js';
// The events too, so that one import gives a framework's typings every type they name.
export * from './events.js';
