const Koa = require('koa');
const helmet = require('koa-helmet');
const mount = require('koa-mount');

const apiApp = require('./api');

const app = new Koa();
app.proxy = true;

// Headers are set on ctx.response before the mounted API runs, so they cover
// its responses as well.
app.use(helmet());
app.use(mount('/api', apiApp));

app.use((ctx) => {
  ctx.body = 'storefront';
});

app.listen(process.env.PORT || 3000);
