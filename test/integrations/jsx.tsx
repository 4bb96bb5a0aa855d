// A React 19 or Preact page as integrations/react.d.ts types it (it declares both JSX namespaces): attributes,
// properties and typed event handlers.
import '../../integrations/react.js';
import type { CallType } from '../../src/services/call-state.js';

const callTypes: CallType[] = [];
export const button = (
  <thrume-call-button callee-id="b0b" calleeName="Bob" show-labels onthrume-call={(event) => callTypes.push(event.callType)} />
);
export const incoming = <thrume-incoming-call onthrume-answer={(event) => event.preventDefault()} />;
// @ts-expect-error a misspelt property (TypeScript checks no attribute name with a hyphen)
export const misspelt = <thrume-call-button calleeIdd="b0b" />;
// @ts-expect-error the event carries no such field
export const wrongField = <thrume-call-button onthrume-call={(event) => event.calleeAge} />;
