import Router from '@koa/router';
import { notesByTag, renameNote } from './notes-service.mjs';

export const router = new Router({ prefix: '/notes' });

router.get('/tags/:tag', async (ctx) => {
  ctx.body = notesByTag(ctx.params.tag);
});

router.post('/:id/rename', async (ctx) => {
  const { title } = ctx.request.body;
  ctx.body = renameNote(ctx.params.id, title);
});
