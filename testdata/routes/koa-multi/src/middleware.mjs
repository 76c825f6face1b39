export async function errorHandler(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status ?? 500;
    ctx.body = { error: ctx.status === 500 ? 'internal error' : err.message };
    ctx.app.emit('error', err, ctx);
  }
}

export async function requestLogger(ctx, next) {
  const started = Date.now();
  await next();
  console.log(`${ctx.method} ${ctx.originalUrl} ${ctx.status} ${Date.now() - started}ms`);
}

export async function requireUser(ctx, next) {
  const token = ctx.get('authorization').replace(/^Bearer /, '');
  if (!token) {
    ctx.throw(401, 'authentication required');
  }
  ctx.state.user = { id: 'editor-1', role: token === process.env.ADMIN_TOKEN ? 'admin' : 'editor' };
  await next();
}

export async function requireAdmin(ctx, next) {
  if (ctx.state.user?.role !== 'admin') {
    ctx.throw(403, 'admins only');
  }
  await next();
}
