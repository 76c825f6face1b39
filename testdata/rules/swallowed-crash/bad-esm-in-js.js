import Koa from 'koa';
import Router from '@koa/router';
import { logger } from './logger.js';

const app = new Koa();
const router = new Router();

router.get('/api/health', (ctx) => {
  ctx.body = { ok: true };
});

app.use(router.routes());

process.on('unhandledRejection', (reason) => { // expect: swallowed-crash
  logger.warn({ reason }, 'ignoring unhandled rejection');
});

app.listen(Number(process.env.PORT ?? 3000));
