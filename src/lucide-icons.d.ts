// Lucide's per-icon modules (lucide/dist/esm/icons/<name>.mjs) have no declarations of their own.
declare module 'lucide/dist/esm/icons/*.mjs' {
  import type { IconNode } from 'lucide';
  const icon: IconNode;
  export default icon;
}
