const Koa = require('koa');
const helmet = require('koa-helmet');
const mount = require('koa-mount');

const webhooksApp = require('./webhooks');
const apiApp = require('./api');

const app = new Koa(); // expect: missing-helmet

// Mounted first "because webhooks don't need headers" - but the webhook app
// also serves a status page, and it answers without ever reaching helmet.
app.use(mount('/hooks', webhooksApp));

app.use(helmet());

// Mounted after helmet: the headers are already on ctx.response.
app.use(mount('/api', apiApp));

app.use((ctx) => {
  ctx.type = 'html';
  ctx.body = '<h1>Partner portal</h1>';
});

app.listen(process.env.PORT || 3000);
