// Keys pressed together, as a person does: each down in order, then each up in reverse (WTR's sendKeys
// `press` takes one key). WebDriver classic has no down and up: use needs('keyChords').
import { sendKeys } from '@web/test-runner-commands';

export async function chord(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ down: key });
  for (const key of [...keys].reverse()) await sendKeys({ up: key });
}
