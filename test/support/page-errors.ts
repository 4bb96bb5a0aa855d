// Records what escapes to the page during a test: uncaught errors (a render that throws, a listener
// that throws) and unhandled promise rejections. Call `recordPageErrors()` in a describe block; each
// test then ends with `await expectNoPageErrors()`.

const escaped: string[] = [];
const onError = (event: ErrorEvent) => escaped.push(`error: ${event.message}`);
const onRejection = (event: PromiseRejectionEvent) => escaped.push(`unhandled rejection: ${String(event.reason)}`);

export function recordPageErrors(): void {
  beforeEach(() => {
    escaped.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
}

/** Asserts nothing escaped so far, once the rejections of the last task have been reported. */
export async function expectNoPageErrors(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve)); // the browser reports unhandled rejections in a task of their own
  if (escaped.length) throw new Error(`Escaped to the page:\n${escaped.join('\n')}`);
}
