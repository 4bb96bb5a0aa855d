// Vue's GlobalComponents as integrations/vue.d.ts declares them, for templates type-checked by vue-tsc.
import '../../integrations/vue.js';
import type { GlobalComponents } from 'vue';

type Props<Tag extends keyof GlobalComponents> = GlobalComponents[Tag] extends new () => { $props: infer P } ? P : GlobalComponents[Tag];
export const tags: (keyof GlobalComponents)[] = ['thrume-call-button', 'thrume-incoming-call', 'thrume-active-call', 'thrume-call-provider'];
// @ts-expect-error not an element of the kit
export const unknown: keyof GlobalComponents = 'thrume-call-buttons';
export type ButtonProps = Props<'thrume-call-button'>;
