// The seam between a protocol layer (the hub's SignalR server, the kit's loopback) and the call rules.
// The protocol layer knows nothing about calls; the call rules know nothing about frames or transports.

/** Who is on the other end of one SignalR connection, as the authentication hook established it. */
export interface Principal {
  readonly userId: string;
  readonly userName: string;
}

export interface ConnectionInfo {
  readonly connectionId: string;
  readonly principal: Principal;
}

/** Raised by a hub method: the client's invocation fails with this message, worded as ASP.NET words a HubException. */
export class HubError extends Error {
  override name = 'HubError';
}

export interface HubMethod {
  /** Exact number of arguments the method takes; any other count fails as ASP.NET fails it. */
  readonly arity: number;
  readonly handler: (caller: ConnectionInfo, args: readonly unknown[]) => unknown; // a value, or a promise of one
}

/** The application side of a hub. Method names are matched case-insensitively, as ASP.NET does. */
export interface HubDefinition {
  readonly methods: Readonly<Record<string, HubMethod>>;
  onConnected?(connection: ConnectionInfo): void | Promise<void>;
  onDisconnected?(connection: ConnectionInfo): void | Promise<void>;
}

/** Delivery to connections: what the application uses to push client events. */
export interface ClientSender {
  /** Sends an invocation of `target` with `args` to one connection; unknown or closed ids are ignored. */
  send(connectionId: string, target: string, args: readonly unknown[]): void;
  /** Closes a connection with an error text (the client sees a Close message). */
  abort(connectionId: string, error: string): void;
}

/** A hub's methods by lower-cased name: invocations match names case-insensitively, as ASP.NET's dispatcher does. */
export function methodsByName(hub: HubDefinition): ReadonlyMap<string, HubMethod> {
  const methods = new Map<string, HubMethod>();
  for (const [name, method] of Object.entries(hub.methods)) {
    const key = name.toLowerCase();
    if (methods.has(key)) throw new Error(`Hub methods '${name}' and another differ only by case.`);
    methods.set(key, method);
  }
  return methods;
}

/** The method an invocation of `target` with `argumentCount` arguments runs, or the error text ASP.NET gives when there is none. */
export function bindInvocation(
  methods: ReadonlyMap<string, HubMethod>,
  target: string,
  argumentCount: number,
): HubMethod | string {
  const method = methods.get(target.toLowerCase());
  if (method === undefined)
    return `Failed to invoke '${target}' due to an error on the server. HubException: Method does not exist.`;
  if (argumentCount !== method.arity) {
    // ASP.NET shows this detail only with EnableDetailedErrors; it leaks nothing, and it names the fault.
    return (
      `Failed to invoke '${target}' due to an error on the server. InvalidDataException: ` +
      `Invocation provides ${argumentCount} argument(s) but target expects ${method.arity}.`
    );
  }
  return method;
}

/** The error text of an invocation whose method failed: only a HubError's message crosses the wire, as in ASP.NET. */
export function invocationErrorText(target: string, error: unknown): string {
  const text = `An unexpected error occurred invoking '${target}' on the server.`;
  return error instanceof HubError ? `${text} HubException: ${error.message}` : text;
}
