const Koa = require('koa');
const Router = require('@koa/router');
const session = require('koa-session');
const bodyParser = require('koa-bodyparser');
const { User } = require('./models');

const app = new Koa();
app.keys = [process.env.SESSION_KEY || 'dev-session-key'];

const router = new Router();

// Cypress shortcut, registered only when the e2e runner starts the server
// with NODE_ENV=test.
if (process.env.NODE_ENV === 'test') {
  router.post('/test/login-as/:userId', async (ctx) => {
    const user = await User.findByPk(ctx.params.userId);
    ctx.assert(user, 404, 'no such user');
    ctx.session.userId = user.id;
    ctx.body = { ok: true, user: user.email };
  });
}

router.get('/api/me', async (ctx) => {
  ctx.assert(ctx.session.userId, 401);
  ctx.body = await User.findByPk(ctx.session.userId);
});

app.use(session(app));
app.use(bodyParser());
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(process.env.PORT || 3000);
