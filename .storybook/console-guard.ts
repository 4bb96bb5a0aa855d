// Story tests fail on any console error or warning a story causes: a green build does not mean the
// stories run. (Uncaught errors and rejections already fail Vitest.)
import { afterEach, beforeEach } from 'vitest';

let logged: string[] = [];
const original = { error: console.error, warn: console.warn };

beforeEach(() => {
  logged = [];
  console.error = (...args: unknown[]) => {
    logged.push(`error: ${args.map(String).join(' ')}`);
    original.error(...args);
  };
  console.warn = (...args: unknown[]) => {
    logged.push(`warn: ${args.map(String).join(' ')}`);
    original.warn(...args);
  };
});

afterEach(() => {
  console.error = original.error;
  console.warn = original.warn;
  if (logged.length) throw new Error(`The story logged to the console:\n${logged.join('\n')}`);
});
