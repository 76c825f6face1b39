const Koa = require('koa');
const Router = require('@koa/router');
const session = require('koa-session');
const bodyParser = require('koa-bodyparser');
const { User } = require('./models');

const app = new Koa();
app.keys = [process.env.SESSION_KEY || 'dev-session-key'];

const router = new Router();

// Lets the Cypress suite skip the OAuth dance: logs the browser in as any
// user id. Nothing limits it to the test environment.
router.post('/test/login-as/:userId', async (ctx) => { // expect: ungated-dev-route
  const user = await User.findByPk(ctx.params.userId);
  ctx.assert(user, 404, 'no such user');
  ctx.session.userId = user.id;
  ctx.body = { ok: true, user: user.email };
});

router.get('/api/me', async (ctx) => {
  ctx.assert(ctx.session.userId, 401);
  ctx.body = await User.findByPk(ctx.session.userId);
});

app.use(session(app));
app.use(bodyParser());
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(process.env.PORT || 3000);
