// The active call's keyboard shortcuts, by action (the listener is shortcuts.ts, loaded with the call).
export const shortcutActions = ['microphone', 'camera', 'full-screen', 'hang-up'] as const;
export type ShortcutAction = (typeof shortcutActions)[number];
/** A key combination per action, as `aria-keyshortcuts` writes it; an empty string turns that one off. */
export type CallShortcuts = Record<ShortcutAction, string>;

export const defaultShortcuts: CallShortcuts = {
  microphone: 'Control+Shift+M',
  camera: 'Control+Shift+O',
  'full-screen': 'Control+Shift+F',
  'hang-up': 'Control+Shift+H',
};
