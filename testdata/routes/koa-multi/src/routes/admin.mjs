import Router from '@koa/router';

import { requireUser, requireAdmin } from '../middleware.mjs';

const router = new Router();
router.prefix('/admin');

router.use(requireUser, requireAdmin);

router.get('/users', (ctx) => {
  ctx.body = [{ id: 'editor-1', role: 'editor' }];
});

router.post('/cache/flush', (ctx) => {
  ctx.body = { flushed: true };
});

// One handler for two methods, through the router's lower-level API.
router.register('/health', ['GET', 'HEAD'], (ctx) => {
  ctx.body = { ok: true };
});

export default router;
