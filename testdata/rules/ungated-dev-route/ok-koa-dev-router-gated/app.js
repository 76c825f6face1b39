const Koa = require('koa');
const bodyParser = require('koa-bodyparser');

const apiRouter = require('./routes/api');
const devRouter = require('./routes/dev');

const app = new Koa();

app.use(bodyParser());
app.use(apiRouter.routes());
app.use(apiRouter.allowedMethods());

// Mail previews and the fake clock, only for `NODE_ENV=development npm run dev`.
if (process.env.NODE_ENV === 'development') {
  app.use(devRouter.routes());
}

module.exports = app;

if (require.main === module) {
  app.listen(process.env.PORT || 3000);
}
