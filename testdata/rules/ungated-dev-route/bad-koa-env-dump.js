'use strict';

const Koa = require('koa');
const Router = require('koa-router');
const logger = require('koa-logger');

const app = new Koa();
const router = new Router();

router.get('/api/articles', async (ctx) => {
  ctx.body = [];
});

// Support asked for a way to see which settings a pod runs with.
// This answers with the whole environment: keys, tokens, passwords.
router.get('/api/system/runtime', async (ctx) => { // expect: ungated-dev-route
  ctx.body = process.env;
});

router.get('/api/system/version', async (ctx) => {
  ctx.body = { version: process.env.APP_VERSION || 'unknown' };
});

app.use(logger());
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(process.env.PORT || 3000);
