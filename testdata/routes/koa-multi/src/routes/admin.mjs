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

export default router;
