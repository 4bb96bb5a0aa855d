// The Thrume Calls signaling contract (docs/hub-contract.md): what a hub and a client say to each other.
// The reference hub's call rules, which run in browsers and Node alike, are in './rules'.
export * from './names.ts';
export * from './values.ts';
export * from './payloads.ts';
export * from './refusals.ts';
