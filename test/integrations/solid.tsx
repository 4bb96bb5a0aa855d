// A Solid page: integrations/solid.d.ts gives the elements' types, which the page adds to Solid's JSX.
import type { CustomElements } from '../../integrations/solid.js';

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}

export const button = <thrume-call-button callee-id="b0b" prop:controller={undefined} on:thrume-call={(event) => event.callType} />;
// @ts-expect-error a misspelt property
export const misspelt = <thrume-call-button prop:calleeIdd="b0b" />;
