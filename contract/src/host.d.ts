// The host APIs the contract may use: each is in every browser and in Node 20. Nothing else is declared.

type TimerHandle = { readonly __timer: unique symbol };
declare function setTimeout(callback: () => void, delayMs: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;

declare const crypto: { randomUUID(): string };

declare class TextEncoder {
  encode(input: string): Uint8Array;
}
