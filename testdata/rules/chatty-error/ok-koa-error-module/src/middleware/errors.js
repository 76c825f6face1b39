// Koa error middleware: errors marked expose keep their message, others get a fixed body.
export default async function errors(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    if (err.expose) {
      ctx.body = { error: err.message };
    } else {
      ctx.body = { error: 'Internal Server Error' };
      ctx.app.emit('error', err, ctx);
    }
  }
}
