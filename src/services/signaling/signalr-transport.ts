// The connection under the hub client. WebSockets, which every browser and hub here speak, are opened
// by this module in a few lines; SignalR's own HttpConnection, with its server-sent events and long
// polling, is loaded only when a WebSocket cannot be had (the hub offers none, or a proxy blocks it), so
// pages do not carry the HTTP transports they almost never use.
import { HttpTransportType, LogLevel, type ILogger, type TransferFormat } from '@microsoft/signalr';

/** The SignalR version whose internal HttpConnection the HTTP fallback imports and was checked against (a test pins it). */
export const checkedSignalRVersion = '10.0.11';

/**
 * What the hub client needs of the connection under it: SignalR's internal `IConnection`, written here,
 * so that an upgrade that changes it fails the type check of `createHttp` rather than a call.
 */
export interface HubConnectionTransport {
  readonly features: { readonly inherentKeepAlive?: boolean };
  readonly connectionId?: string;
  start(format: TransferFormat): Promise<void>;
  send(data: string): Promise<void>;
  stop(error?: unknown): Promise<void>;
  onreceive: ((data: string | ArrayBuffer) => void) | null;
  onclose: ((error?: Error) => void) | null;
}

/** The parts of the negotiate answer read here (SignalR's internal `INegotiateResponse`). */
interface NegotiateResponse {
  readonly connectionId?: string;
  readonly connectionToken?: string;
  readonly negotiateVersion?: number;
  readonly availableTransports?: readonly { readonly transport: string; readonly transferFormats: readonly string[] }[];
  /** A redirect (Azure SignalR Service), with its token. */
  readonly url?: string;
  readonly accessToken?: string;
  readonly error?: string;
}

export interface SignalRTransportOptions {
  readonly accessTokenFactory?: () => string | Promise<string>;
  readonly withCredentials: boolean;
  /** What the HTTP transports, and the switch to them, log to the console. Default warnings and errors. */
  readonly logLevel?: LogLevel;
}

/** Why a WebSocket could not be used; the HTTP transports are tried next. */
class WebSocketUnavailable extends Error {}

const negotiateTimeoutMs = 30_000;
const maxRedirects = 100;

export class SignalRTransport implements HubConnectionTransport {
  onreceive: ((data: string | ArrayBuffer) => void) | null = null;
  onclose: ((error?: Error) => void) | null = null;
  connectionId?: string;
  /** Whether SignalR's HttpConnection carries this connection (a WebSocket could not be had). */
  usesHttp = false;
  private socket: WebSocket | null = null;
  private readonly socketFeatures = {};
  /** SignalR's HttpConnection, once a WebSocket has failed; in charge until the next start. */
  private http: HubConnectionTransport | null = null;
  /** Aborts the negotiation in flight when `stop()` comes first. */
  private stopping: AbortController | null = null;
  private readonly logger: ILogger;

  constructor(
    public baseUrl: string,
    private readonly options: SignalRTransportOptions,
  ) {
    this.logger = consoleLogger(options.logLevel ?? LogLevel.Warning);
  }

  get features(): HubConnectionTransport['features'] {
    return this.usesHttp ? this.http!.features : this.socketFeatures;
  }

  async start(format: TransferFormat): Promise<void> {
    const stopping = (this.stopping = new AbortController());
    this.usesHttp = false;
    try {
      await this.openSocket(stopping.signal);
    } catch (error) {
      if (!(error instanceof WebSocketUnavailable)) throw error;
      this.logger.log(LogLevel.Warning, `${error.message} Trying SignalR's HTTP transports.`);
      await this.startHttp(format, stopping.signal, error);
    }
  }

  send(data: string): Promise<void> {
    if (this.usesHttp) return this.http!.send(data);
    if (this.socket?.readyState !== WebSocket.OPEN) return Promise.reject(new Error('The WebSocket is not open.'));
    this.socket.send(data);
    return Promise.resolve();
  }

  async stop(error?: Error): Promise<void> {
    this.stopping?.abort();
    if (this.usesHttp) return this.http!.stop(error);
    this.closeSocket(error);
  }

  private async openSocket(stopped: AbortSignal): Promise<void> {
    const { url, token } = await this.negotiate(stopped);
    const socket = new WebSocket(withQuery(url.replace(/^http/, 'ws'), 'access_token', token));
    socket.binaryType = 'arraybuffer';
    const closeOnStop = () => socket.close();
    stopped.addEventListener('abort', closeOnStop);
    try {
      await new Promise<void>((resolve, reject) => {
        socket.onopen = () => resolve();
        socket.onclose = () =>
          reject(
            stopped.aborted
              ? stoppedError()
              : new WebSocketUnavailable(`The WebSocket to ${this.baseUrl} did not open.`),
          );
      });
    } finally {
      stopped.removeEventListener('abort', closeOnStop);
    }
    this.socket = socket;
    socket.onmessage = (event: MessageEvent<string | ArrayBuffer>) => {
      try {
        this.onreceive?.(event.data);
      } catch (error) {
        this.closeSocket(error as Error);
      }
    };
    socket.onclose = (event) =>
      this.closeSocket(
        event.wasClean && event.code === 1000
          ? undefined
          : new Error(`WebSocket closed with status code: ${event.code} (${event.reason || 'no reason given'}).`),
      );
  }

  private closeSocket(error?: Error): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    socket.onclose = socket.onmessage = null;
    socket.close();
    this.onclose?.(error);
  }

  /** POST {hub}/negotiate, following redirects; the WebSocket's URL with its connection token. */
  private async negotiate(stopped: AbortSignal): Promise<{ url: string; token: string | undefined }> {
    let url = this.baseUrl;
    let token = await this.options.accessTokenFactory?.();
    for (let redirects = 0; redirects < maxRedirects; redirects++) {
      const response = await fetch(withQuery(negotiateUrl(url), 'negotiateVersion', '1'), {
        method: 'POST',
        credentials: this.options.withCredentials ? 'include' : 'same-origin',
        // X-Requested-With makes ASP.NET's cookie authentication answer 401 rather than redirect to a login page.
        headers: { 'X-Requested-With': 'XMLHttpRequest', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        signal: AbortSignal.any([stopped, AbortSignal.timeout(negotiateTimeoutMs)]),
      }).catch((error: unknown) => {
        throw stopped.aborted
          ? stoppedError()
          : new Error(`Failed to complete negotiation with the server: ${(error as Error).message}`);
      });
      if (!response.ok)
        throw new Error(`Failed to complete negotiation with the server: status code ${response.status}.`);
      const body = (await response.json()) as NegotiateResponse;
      if (body.error) throw new Error(body.error);
      if (body.url) {
        url = body.url;
        token = body.accessToken ?? token;
        continue;
      }
      const webSockets = body.availableTransports?.some(
        (t) => t.transport === 'WebSockets' && t.transferFormats.includes('Text'),
      );
      if (!webSockets || typeof WebSocket === 'undefined')
        throw new WebSocketUnavailable(`The hub at ${this.baseUrl} offers no WebSocket.`);
      this.connectionId = body.connectionId;
      const id = (body.negotiateVersion ?? 0) >= 1 ? body.connectionToken : body.connectionId;
      return { url: withQuery(url, 'id', id), token };
    }
    throw new Error('Negotiate redirection limit exceeded.');
  }

  private async startHttp(format: TransferFormat, stopped: AbortSignal, socketError: Error): Promise<void> {
    const http = (this.http ??= await this.createHttp());
    if (stopped.aborted) throw stoppedError();
    this.usesHttp = true;
    try {
      await http.start(format);
      this.connectionId = http.connectionId;
    } catch (error) {
      throw new Error(`${socketError.message} ${(error as Error).message}`, { cause: error });
    }
  }

  private async createHttp(): Promise<HubConnectionTransport> {
    // SignalR's public entry has HttpConnection only inside HubConnectionBuilder, which would bring the
    // whole client: its own module is imported, at the version checkedSignalRVersion names.
    const { HttpConnection } = await import('@microsoft/signalr/dist/esm/HttpConnection.js');
    const http = new HttpConnection(this.baseUrl, {
      accessTokenFactory: this.options.accessTokenFactory,
      withCredentials: this.options.withCredentials,
      logger: this.logger,
      transport: HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling,
    });
    http.onreceive = (data) => this.onreceive?.(data);
    http.onclose = (error) => this.onclose?.(error);
    return http;
  }
}

function consoleLogger(minimum: LogLevel): ILogger {
  return {
    log(level, message) {
      if (level < minimum || level === LogLevel.None) return;
      const write = level >= LogLevel.Error ? console.error : level === LogLevel.Warning ? console.warn : console.info;
      write(`[SignalR] ${LogLevel[level]}: ${message}`);
    },
  };
}

function stoppedError(): Error {
  return new Error('The connection was stopped before it was established.');
}

/** `{hub}/negotiate`, keeping the hub URL's query. */
function negotiateUrl(url: string): string {
  const [path, query] = url.split(/\?(.*)/s, 2);
  return `${path.replace(/\/$/, '')}/negotiate${query ? `?${query}` : ''}`;
}

function withQuery(url: string, name: string, value: string | undefined): string {
  return value === undefined ? url : `${url}${url.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;
}
