const Koa = require('koa');

const app = new Koa();

app.use(async (ctx) => {
  ctx.body = 'hello';
});

process.once('unhandledRejection', (reason) => { // expect: swallowed-crash
  console.warn('first unhandled rejection:', reason);
});

app.listen(3000);
