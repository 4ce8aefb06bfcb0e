/**
 * The two proxies between the edge and the app:
 * - the Application Load Balancer terminates TLS from CloudFront and routes /api/* to a target group;
 * - Nginx, the reverse proxy, forwards to the app server on its internal port.
 * Each waits for the next hop only so long, and answers 504 itself when that runs out.
 */
import { note, work, type SimContext, type Tag } from '../context';
import { exchange, statusLine, type HttpRequest, type HttpResponse } from '../http';
import { withDeadline, type Task } from '../kernel/kernel';
import { ALB_PRIVATE_IP, APP_TARGET, BROWSER_IP, EDGE_IP, WEB_TARGET } from '../site';
import { handleApp } from './app';

/** ALB idle timeout: 60 s by default (Elastic Load Balancing User Guide, "Connection idle timeout"). */
export const ALB_IDLE_TIMEOUT_MS = 60_000;
/** Nginx `proxy_read_timeout`: 60 s by default (nginx docs, ngx_http_proxy_module). */
export const NGINX_PROXY_READ_TIMEOUT_MS = 60_000;
/** Time either proxy spends choosing where to send a request. *assumed* */
const PROXY_WORK_MS = 0.5;

function gatewayTimeout(ctx: SimContext, tag: Tag, node: 'alb' | 'web', afterMs: number): HttpResponse {
  note(ctx, tag, node, {
    kind: 'timeout',
    narration: `${node === 'alb' ? 'The load balancer' : 'Nginx'} waited ${afterMs / 1000} s for an answer and gives up with 504 Gateway Timeout.`,
    decision: `504 after ${afterMs} ms`,
  });
  return { status: 504, headers: { 'content-type': 'text/html' }, body: '504 Gateway Time-out', origin: node };
}

export function* handleAlb(ctx: SimContext, req: HttpRequest, traceId: string): Task<HttpResponse> {
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  yield* work(ctx, tag, 'alb', PROXY_WORK_MS, {
    kind: 'route',
    narration: 'The load balancer decrypts the request (TLS ends here) and its listener rule sends /api/* to a healthy target.',
    decision: `HTTPS:443 rule path /api/* → target group api-tg → ${WEB_TARGET}:80`,
  });
  const forwarded: Record<string, string> = {
    ...req.headers,
    'x-forwarded-for': `${BROWSER_IP}, ${EDGE_IP}`,
    'x-forwarded-proto': 'https',
    'x-forwarded-port': '443',
    'x-amzn-trace-id': traceId,
  };
  const raced = yield* withDeadline(
    exchange(ctx, tag, 'alb', 'web', req, (r) => handleWeb(ctx, r), {
      tls: null,
      alreadyOpen: ctx.scenario.connections === 'warm',
      requestHeaders: forwarded,
      requestNarration: 'Inside the VPC the load balancer forwards plain HTTP on port 80 to Nginx: TLS ended at the load balancer.',
      responseNarration: (res) => `Nginx hands the ${statusLine(res.status)} back to the load balancer.`,
    }),
    ALB_IDLE_TIMEOUT_MS,
  );
  return raced.finished ? raced.value : gatewayTimeout(ctx, tag, 'alb', ALB_IDLE_TIMEOUT_MS);
}

export function* handleWeb(ctx: SimContext, req: HttpRequest): Task<HttpResponse> {
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  yield* work(ctx, tag, 'web', PROXY_WORK_MS, {
    kind: 'route',
    narration: 'Nginx matches location /api/ and proxies the request to the app server, the reverse-proxy pattern.',
    decision: `location /api/ → proxy_pass http://${APP_TARGET}:8080`,
  });
  const forwarded: Record<string, string> = {
    ...req.headers,
    'x-real-ip': BROWSER_IP,
    // $proxy_add_x_forwarded_for appends the address of whoever connected to Nginx: the load balancer (nginx docs).
    'x-forwarded-for': `${req.headers['x-forwarded-for'] ?? BROWSER_IP}, ${ALB_PRIVATE_IP}`,
  };
  const raced = yield* withDeadline(
    exchange(ctx, tag, 'web', 'app', req, (r) => handleApp(ctx, r), {
      tls: null,
      alreadyOpen: ctx.scenario.connections === 'warm',
      requestHeaders: forwarded,
      requestNarration: 'Nginx forwards the request to the app server on port 8080, an internal REST call.',
      responseNarration: (res) => `The app answers ${statusLine(res.status)} to Nginx.`,
      responseHeaders: (res) => ({ ...res.headers, server: 'nginx' }),
    }),
    NGINX_PROXY_READ_TIMEOUT_MS,
  );
  return raced.finished ? raced.value : gatewayTimeout(ctx, tag, 'web', NGINX_PROXY_READ_TIMEOUT_MS);
}
